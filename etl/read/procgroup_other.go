//go:build !unix

package read

import "os/exec"

// ownProcessGroup leaves cmd as it is: without unix process groups the
// default cancellation kills the converter itself.
func ownProcessGroup(cmd *exec.Cmd) {}
