package announce

import (
	"net/http"
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

// sniffed is what http.DetectContentType says of each attachment type's
// bytes: an XLSX is a ZIP archive.
var sniffed = map[string]string{
	"application/pdf": "application/pdf",
	"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "application/zip",
	"image/png":  "image/png",
	"image/jpeg": "image/jpeg",
}

// FileKind returns the MIME type of an attachment named name whose bytes
// are data, and false unless both its extension and its content are of a
// kind an announcement carries (a renamed .exe is not a PDF).
func FileKind(name string, data []byte) (string, bool) {
	t, ok := FileMIME(name)
	if !ok {
		return "", false
	}
	got, _, _ := strings.Cut(http.DetectContentType(data), ";")
	return t, got == sniffed[t]
}
