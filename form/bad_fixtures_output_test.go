package form_test

import "testing"

// badFilesOutput makes the generated malformed inputs of one kind (see
// badFiles), by their names under badDir.
func badFilesOutput(t *testing.T) map[string][]byte {
	return map[string][]byte{}
}
