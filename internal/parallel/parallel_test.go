package parallel

import (
	"context"
	"errors"
	"sync/atomic"
	"testing"
)

func TestEach(t *testing.T) {
	boom := errors.New("boom")
	cancelled, cancel := context.WithCancel(context.Background())
	cancel()
	tests := []struct {
		name    string
		ctx     context.Context
		n       int
		failAt  int // item whose call fails; -1 for none
		wantErr error
		wantAll bool // every item must have been called
	}{
		{"all items", context.Background(), 1000, -1, nil, true},
		{"no items", context.Background(), 0, -1, nil, true},
		{"first error returned", context.Background(), 1000, 3, boom, false},
		{"cancelled", cancelled, 1000, -1, context.Canceled, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			items := make([]int, tt.n)
			for i := range items {
				items[i] = i
			}
			var calls atomic.Int64
			seen := make([]atomic.Bool, tt.n)
			err := Each(tt.ctx, items, func(i int) error {
				calls.Add(1)
				if seen[i].Swap(true) {
					t.Errorf("item %d called twice", i)
				}
				if i == tt.failAt {
					return boom
				}
				return nil
			})
			if !errors.Is(err, tt.wantErr) || (err != nil) != (tt.wantErr != nil) {
				t.Fatalf("Each = %v, want %v", err, tt.wantErr)
			}
			if tt.wantAll && calls.Load() != int64(tt.n) {
				t.Errorf("%d calls, want %d", calls.Load(), tt.n)
			}
			if !tt.wantAll && calls.Load() == int64(tt.n) {
				t.Errorf("all %d items ran despite the stop", tt.n)
			}
		})
	}
}
