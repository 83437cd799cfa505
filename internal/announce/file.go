package announce

import (
	"path/filepath"
	"strings"
)

// fileTypes are the attachments an announcement may carry, by extension:
// what a family opens on a phone (PDF, an Excel table, a picture).
var fileTypes = map[string]string{
	".pdf":  "application/pdf",
	".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
	".png":  "image/png",
	".jpg":  "image/jpeg",
	".jpeg": "image/jpeg",
}

// FileMIME returns the MIME type of an attachment named name, and false for
// a kind of file an announcement does not carry.
func FileMIME(name string) (string, bool) {
	t, ok := fileTypes[strings.ToLower(filepath.Ext(name))]
	return t, ok
}
