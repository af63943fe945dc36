#pragma once
// A small deterministic random source for the demo data. std:: distributions are not used
// because their output differs between standard libraries, and the same arguments must give
// the same municipality everywhere.

#include <cstdint>
#include <string_view>
#include <utility>
#include <vector>

namespace styr::demo {

//! SplitMix64 (Steele, Lea, Flood 2014): tiny, fast and good enough for test data.
class SplitMix64 {
 public:
  explicit SplitMix64(std::uint64_t seed) : state_(seed) {}

  std::uint64_t next() {
    std::uint64_t z = (state_ += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  }

  //! A number in [low, high], both inclusive (the modulo bias is far below what test data
  //! could show).
  int between(int low, int high) {
    auto span = static_cast<std::uint64_t>(high - low) + 1;
    return low + static_cast<int>(next() % span);
  }

  //! True with probability per_mille / 1000.
  bool chance(int per_mille) { return static_cast<int>(next() % 1000) < per_mille; }

  template <typename T>
  const T& pick(const std::vector<T>& values) {
    return values[next() % values.size()];
  }

  //! Fisher-Yates, so that a shuffle depends only on this generator.
  template <typename T>
  void shuffle(std::vector<T>& values) {
    for (std::size_t idx = values.size(); idx > 1; --idx) {
      std::size_t other = next() % idx;
      std::swap(values[idx - 1], values[other]);
    }
  }

  //! An independent stream for one purpose, so that drawing more numbers for one part of the
  //! data does not change every other part.
  SplitMix64 fork(std::uint64_t purpose) { return SplitMix64(next() ^ (purpose * 0x9e37ULL)); }

 private:
  std::uint64_t state_;
};

//! FNV-1a over `text`, folded into `basis`: turns names into seed material.
constexpr std::uint64_t hashText(std::string_view text,
                                 std::uint64_t basis = 14695981039346656037ULL) {
  std::uint64_t hash = basis;
  for (char c : text) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 1099511628211ULL;
  }
  return hash;
}

}  // namespace styr::demo
