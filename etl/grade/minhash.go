package grade

import "github.com/xxgk/xxgk/etl/report"

const (
	// Signature is the number of values of a MinHash signature.
	Signature = 64
	// minSentences is the fewest distinct sentences a report needs for a
	// signature: fewer are not enough to call anything a copy.
	minSentences = 3
)

// mix is splitmix64's finaliser: a fast hash of a 64-bit value whose
// outputs for related inputs look independent.
func mix(x uint64) uint64 {
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	return x ^ x>>31
}

// MinHash is the signature of a set of sentences (duplicates count once),
// by one-permutation hashing: each sentence hash, mixed, falls into one of
// Signature bins by its top bits and the bin keeps the least of its low 32
// bits. A bin no sentence fell into borrows from the next bin that has one
// (rotation densification, Shrivastava & Li 2014), marked with the
// distance, so that two sets agree in a place with probability close to
// their Jaccard similarity, as with Signature independent hash functions,
// at the cost of one hash per sentence instead of Signature. It is nil for
// fewer than three distinct sentences.
func MinHash(sentences []report.Sentence) []uint32 {
	if !distinctAtLeast(sentences, minSentences) {
		return nil
	}
	var sig [Signature]uint32
	var filled [Signature]bool
	for _, s := range sentences {
		x := mix(s.Hash)
		bin, v := x>>58, uint32(x)
		if !filled[bin] || v < sig[bin] {
			sig[bin], filled[bin] = v, true
		}
	}
	out := make([]uint32, Signature)
	for i := range out {
		if filled[i] {
			out[i] = sig[i]
			continue
		}
		for d := 1; d < Signature; d++ {
			if j := (i + d) % Signature; filled[j] {
				out[i] = uint32(mix(uint64(sig[j])<<8 | uint64(d)))
				break
			}
		}
	}
	return out
}

// distinctAtLeast reports whether sentences hold at least n distinct hashes.
func distinctAtLeast(sentences []report.Sentence, n int) bool {
	var seen []uint64
	for _, s := range sentences {
		dup := false
		for _, h := range seen {
			if h == s.Hash {
				dup = true
				break
			}
		}
		if !dup {
			if seen = append(seen, s.Hash); len(seen) >= n {
				return true
			}
		}
	}
	return false
}
