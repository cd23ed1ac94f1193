// Validation of a whole Dataset.
#pragma once

#include <memory>

#include "kdx/diagnostics.hpp"
#include "kdx/model.hpp"

namespace kdx {

// Limits and switches for validate().
struct ValidationOptions {
    int first_year = 1990;
    int last_year = 2100;
    // Report references to municipalities the dataset does not list.
    bool check_references = true;
};

// Checks references to unknown municipalities and programmes, duplicate keys
// (a municipality listed twice, settlement figures for the same municipality
// and year twice, an outcome for the same municipality, programme, year and
// indicator twice), negative counts, years out of range, unknown indicators
// (warning) and more settled than decided (warning). Adds to `out`; never throws.
void validate(const Dataset& dataset, Diagnostics& out, const ValidationOptions& options = {});

// The registry check (check_against_registry) and validate() of a dataset
// handed over in parts, as kdx convert streams one: each part's records are
// checked when it comes, with what needs the whole dataset (references to
// municipalities and programmes listed later, the municipalities' own checks,
// the registry's view of each number) kept compactly until finish(). Gives
// the messages check_against_registry() and then validate() give for the
// whole dataset, in their order, provided the parts are as a BatchSink gets
// them: no key repeats, and the indicators of a part's outcomes are in its
// catalogue (or built in).
class StreamCheck {
  public:
    explicit StreamCheck(ValidationOptions options = {});
    ~StreamCheck();
    StreamCheck(const StreamCheck&) = delete;
    StreamCheck& operator=(const StreamCheck&) = delete;

    // Checks the settlement figures and outcomes of `part`; its municipalities
    // are those known so far.
    void part(const Dataset& part);
    // Checks `rest` (the dataset without the records of the parts) and adds
    // every message to `out`.
    void finish(const Dataset& rest, Diagnostics& out);

  private:
    struct State;
    std::unique_ptr<State> s_;
};

}  // namespace kdx
