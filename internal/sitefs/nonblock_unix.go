//go:build unix

package sitefs

import "syscall"

const nonBlocking = syscall.O_NONBLOCK
