package form_test

import "testing"

// badFilesYAML makes the generated malformed inputs of one kind (see
// badFiles), by their names under badDir.
func badFilesYAML(t *testing.T) map[string][]byte {
	return map[string][]byte{}
}
