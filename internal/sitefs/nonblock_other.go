//go:build !unix

package sitefs

// nonBlocking is nothing where named pipes do not live in the file system.
const nonBlocking = 0
