#pragma once
// Lerum's blueprint, shared with the generator, which builds municipalities of its shape.

#include "demo/blueprint.hpp"

namespace styr::demo {

Blueprint lerumBlueprint();

}  // namespace styr::demo
