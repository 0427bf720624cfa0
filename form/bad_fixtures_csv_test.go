package form_test

import "testing"

// badFilesCSV makes the generated malformed inputs of one kind (see
// badFiles), by their names under badDir.
func badFilesCSV(t *testing.T) map[string][]byte {
	return map[string][]byte{}
}
