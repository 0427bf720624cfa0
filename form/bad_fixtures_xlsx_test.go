package form_test

import "testing"

// badFilesXLSX makes the generated malformed inputs of one kind (see
// badFiles), by their names under badDir.
func badFilesXLSX(t *testing.T) map[string][]byte {
	return map[string][]byte{}
}
