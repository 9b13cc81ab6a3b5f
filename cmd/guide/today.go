package main

import "time"

// today is the date written into new pages' front matter. It is the one
// place the builder reads the clock: builds never do, so output stays the
// same for the same sources.
func today() string { return time.Now().Format(time.DateOnly) }
