package config

import (
	"fmt"
	"strconv"
	"strings"
)

// ByteSize is a number of bytes written plainly (8388608) or with a binary
// unit: 512KiB, 8MiB, 1GiB (K, M, G and KB, MB, GB mean the same).
type ByteSize int64

// units are the suffixes ByteSize accepts, longest first.
var units = []struct {
	suffix string
	mult   int64
}{
	{"KIB", 1 << 10}, {"MIB", 1 << 20}, {"GIB", 1 << 30},
	{"KB", 1 << 10}, {"MB", 1 << 20}, {"GB", 1 << 30},
	{"K", 1 << 10}, {"M", 1 << 20}, {"G", 1 << 30}, {"B", 1},
}

// UnmarshalText implements encoding.TextUnmarshaler.
func (b *ByteSize) UnmarshalText(text []byte) error {
	s := strings.ToUpper(strings.TrimSpace(string(text)))
	mult := int64(1)
	for _, u := range units {
		if strings.HasSuffix(s, u.suffix) {
			s, mult = strings.TrimSpace(strings.TrimSuffix(s, u.suffix)), u.mult
			break
		}
	}
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil || n < 0 || n > (1<<40)/mult {
		return fmt.Errorf("API_MAX_BODY must be a size such as 8388608 or 8MiB; got %q", text)
	}
	*b = ByteSize(n * mult)
	return nil
}
