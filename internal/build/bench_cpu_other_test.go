//go:build !unix

package build

import "time"

// cpuTime is the CPU time the process has used so far, or 0 where it is
// not known: the benchmarks then report no cpu-ms/op.
func cpuTime() time.Duration { return 0 }
