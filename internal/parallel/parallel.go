package parallel

import (
	"context"
	"runtime"
	"sync"
)

// Each calls do for every item on GOMAXPROCS goroutines and returns the
// first error any call returned, or ctx's error. After an error or a
// cancelled ctx no further item is started; calls already running finish.
func Each[T any](ctx context.Context, items []T, do func(T) error) error {
	jobs := make(chan T)
	errs := make(chan error, 1)
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for it := range jobs {
				if err := do(it); err != nil {
					select {
					case errs <- err:
					default:
					}
				}
			}
		}()
	}
	func() {
		defer close(jobs)
		for _, it := range items {
			select {
			case jobs <- it:
			case <-ctx.Done():
				return
			case err := <-errs:
				errs <- err
				return
			}
		}
	}()
	wg.Wait()
	select {
	case err := <-errs:
		return err
	default:
	}
	return ctx.Err()
}
