// Pearson correlation, shared by the sentiment tools that measure scores
// against human ones.
#pragma once

#include <cmath>
#include <vector>

namespace revsearch::sentiment {

inline double pearson(const std::vector<double>& x, const std::vector<double>& y) {
  double n = static_cast<double>(x.size()), sx = 0, sy = 0, sxx = 0, syy = 0, sxy = 0;
  for (std::size_t i = 0; i < x.size(); ++i) {
    sx += x[i];
    sy += y[i];
    sxx += x[i] * x[i];
    syy += y[i] * y[i];
    sxy += x[i] * y[i];
  }
  double den = std::sqrt(n * sxx - sx * sx) * std::sqrt(n * syy - sy * sy);
  return den == 0 ? 0 : (n * sxy - sx * sy) / den;
}

}  // namespace revsearch::sentiment
