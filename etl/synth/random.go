package synth

import (
	"math"
	"math/rand/v2"
)

// expNorm draws exp(N(0, sigma²)): a log-normal factor with median 1.
func expNorm(r *rand.Rand, sigma float64) float64 {
	return math.Exp(r.NormFloat64() * sigma)
}

// poisson draws a Poisson count with mean lambda (normal approximation for
// large means, where exactness does not matter for plausibility).
func poisson(r *rand.Rand, lambda float64) int {
	if lambda <= 0 {
		return 0
	}
	if lambda < 30 {
		limit, p, k := math.Exp(-lambda), 1.0, 0
		for {
			p *= r.Float64()
			if p <= limit {
				return k
			}
			k++
		}
	}
	v := lambda + math.Sqrt(lambda)*r.NormFloat64()
	if v < 0 {
		return 0
	}
	return int(v + 0.5)
}

// binomial draws the number of successes in n trials of probability p.
func binomial(r *rand.Rand, n int, p float64) int {
	switch {
	case n <= 0 || p <= 0:
		return 0
	case p >= 1:
		return n
	case n < 60:
		k := 0
		for i := 0; i < n; i++ {
			if r.Float64() < p {
				k++
			}
		}
		return k
	}
	mean, sd := float64(n)*p, math.Sqrt(float64(n)*p*(1-p))
	k := int(mean + sd*r.NormFloat64() + 0.5)
	return max(0, min(n, k))
}

// split distributes n over len(weights) parts in proportion to weights
// (a multinomial draw by successive binomials).
func split(r *rand.Rand, n int, weights []float64) []int {
	out := make([]int, len(weights))
	rest := 0.0
	for _, w := range weights {
		rest += w
	}
	for i, w := range weights {
		if i == len(weights)-1 || rest <= 0 {
			out[i] = n
			break
		}
		k := binomial(r, n, w/rest)
		out[i] = k
		n -= k
		rest -= w
	}
	return out
}

// chance reports true with probability p.
func chance(r *rand.Rand, p float64) bool { return r.Float64() < p }

// pick returns one of the choices, uniformly.
func pick[T any](r *rand.Rand, choices ...T) T { return choices[r.IntN(len(choices))] }
