package diary

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"strings"
	"unicode"
)

// Link codes are the one-time codes a school hands to a family or a staff
// member (on a printed letter, as a QR code of a deep link) to link a
// Telegram account (clauses 1.5, 2.12.2). A code is CodeSymbols symbols of
// CodeAlphabet, 50 bits, written «XXXXX-XXXXX». That written form is the
// canonical code: it is what is hashed, printed, typed and sent as the deep
// link payload (it fits Telegram's 64 characters of A-Za-z0-9_-).

// CodeAlphabet is Crockford's base32: digits and capital letters without the
// look-alikes I, L, O and U.
const CodeAlphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"

// CodeSymbols is the number of symbols of a link code: 10 × 5 = 50 bits.
const CodeSymbols = 10

// codeGroup is the number of symbols before the hyphen.
const codeGroup = CodeSymbols / 2

// NewLinkCode returns a fresh canonical code, «XXXXX-XXXXX», from the random
// source r (crypto/rand.Reader in production). Every symbol takes five bits of
// a byte, so each of the 32 symbols is equally likely.
func NewLinkCode(r io.Reader) (string, error) {
	var buf [CodeSymbols]byte
	if _, err := io.ReadFull(r, buf[:]); err != nil {
		return "", fmt.Errorf("new link code: %w", err)
	}
	for i, b := range buf {
		buf[i] = CodeAlphabet[b&31]
	}
	return formatCode(string(buf[:])), nil
}

// formatCode writes CodeSymbols symbols as «XXXXX-XXXXX».
func formatCode(symbols string) string {
	return symbols[:codeGroup] + "-" + symbols[codeGroup:]
}

// NormalizeCode returns the canonical form of a code as a person typed it, or
// false when it cannot be one. It forgives case, spaces, hyphens and dashes,
// and look-alike characters: O → 0, I and L → 1, and Cyrillic letters that
// look like Latin ones or digits (А → A, В → B, О → 0, З → 3 …), as typed on a
// Russian keyboard.
func NormalizeCode(typed string) (string, bool) {
	var b strings.Builder
	for _, r := range typed {
		if isCodeSeparator(r) {
			continue
		}
		c, ok := codeSymbol(r)
		if !ok || b.Len() == CodeSymbols {
			return "", false
		}
		b.WriteByte(c)
	}
	if b.Len() != CodeSymbols {
		return "", false
	}
	return formatCode(b.String()), true
}

// isCodeSeparator reports whether r is ignored inside a typed code.
func isCodeSeparator(r rune) bool {
	return strings.ContainsRune(" \t\n\r\u00a0-_‐‑‒–—", r)
}

// codeLookalikes maps what people type for a symbol to the symbol.
var codeLookalikes = map[rune]byte{
	'O': '0', 'I': '1', 'L': '1',
	'А': 'A', 'В': 'B', 'Е': 'E', 'К': 'K', 'М': 'M', 'Н': 'H', 'О': '0',
	'Р': 'P', 'С': 'C', 'Т': 'T', 'Х': 'X', 'У': 'Y', 'З': '3',
}

// codeSymbol returns the code symbol r stands for, in any case.
func codeSymbol(r rune) (byte, bool) {
	r = unicode.ToUpper(r)
	if c, ok := codeLookalikes[r]; ok {
		return c, true
	}
	if r < 128 && strings.IndexByte(CodeAlphabet, byte(r)) >= 0 {
		return byte(r), true
	}
	return 0, false
}

// HashCode returns the hex SHA-256 of a code, the only form stored. A typed
// form is normalised first, so HashCode(typed) matches the hash of its
// canonical code; input that is no code is hashed as it is (and matches none).
func HashCode(canonical string) string {
	if c, ok := NormalizeCode(canonical); ok {
		canonical = c
	}
	h := sha256.Sum256([]byte(canonical))
	return hex.EncodeToString(h[:])
}
