package cluster_test

import (
	"strconv"
	"testing"
	"time"

	"github.com/schooldiary/diary/internal/cluster"
)

// BenchmarkLimiterAllow measures one Allow on each implementation, spread
// over 1,000 chats with Telegram's per-chat limit, serially and in parallel.
func BenchmarkLimiterAllow(b *testing.B) {
	sets := []struct {
		name string
		open func(b *testing.B) *cluster.Set
	}{
		{"memory", func(*testing.B) *cluster.Set { return cluster.NewMemory(time.Now) }},
		{"redis", func(b *testing.B) *cluster.Set {
			prefix := testPrefix(b)
			return cluster.NewRedis(redisClient(b, prefix), prefix)
		}},
	}
	keys := make([]string, 1000)
	for i := range keys {
		keys[i] = "chat:" + strconv.Itoa(i)
	}
	for _, s := range sets {
		b.Run(s.name, func(b *testing.B) {
			l := s.open(b).Limiter
			i := 0
			for b.Loop() {
				if _, _, err := l.Allow(b.Context(), keys[i%len(keys)], cluster.TelegramChat); err != nil {
					b.Fatal(err)
				}
				i++
			}
		})
		b.Run(s.name+"/parallel", func(b *testing.B) {
			l := s.open(b).Limiter
			b.RunParallel(func(pb *testing.PB) {
				i := 0
				for pb.Next() {
					if _, _, err := l.Allow(b.Context(), keys[i%len(keys)], cluster.TelegramChat); err != nil {
						b.Error(err)
						return
					}
					i++
				}
			})
		})
	}
}
