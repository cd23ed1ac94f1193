#include "kdx/validate.hpp"

#include "validator.hpp"

namespace kdx {

void validate(const Dataset& dataset, Diagnostics& out, const ValidationOptions& options) {
    validate_detail::Validator(dataset, out, options).run();
}

}  // namespace kdx
