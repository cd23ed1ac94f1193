// The built-in indicator catalogue: the settlement figures and the outcome
// indicators IMDi and SSB publish. The settlement counts are public
// administrative figures; only the outcome indicators are person statistics.
#include "kdx/model.hpp"

namespace kdx {

const std::vector<Indicator>& builtin_indicators() {
    static const std::vector<Indicator> catalogue{
        {"requested", "Anmodning om bosetting", "Oppmoding om busetjing", "Requested by IMDi",
         Unit::persons, true},
        {"decided", "Vedtak om bosetting", "Vedtak om busetjing", "Decided by the council",
         Unit::persons, true},
        {"settled", "Bosatte flyktninger", "Busette flyktningar", "Refugees settled", Unit::persons,
         true},
        {"unaccompanied-minors", "Enslige mindreårige bosatt", "Einslege mindreårige busette",
         "Unaccompanied minors settled", Unit::persons, true},
        {"family-reunifications", "Familiegjenforente", "Familiegjeneinte", "Family reunifications",
         Unit::persons, true},
        {"settled-per-1000", "Bosatte per 1000 innbyggere", "Busette per 1000 innbyggjarar",
         "Settled per 1,000 inhabitants", Unit::per_mille, false},
        {"settled-share-of-requested", "Bosatte i prosent av anmodning",
         "Busette i prosent av oppmoding", "Settled as a share of requested", Unit::percent, false},
        {"work-or-education-1y", "I arbeid eller utdanning ett år etter introduksjonsprogram",
         "I arbeid eller utdanning eitt år etter introduksjonsprogram",
         "In work or education one year after the introduction programme", Unit::percent, false,
         true},
        {"introduction-participants", "Deltakere i introduksjonsprogram",
         "Deltakarar i introduksjonsprogram", "Introduction programme participants", Unit::persons,
         true, true},
        // SSB's population on 1 January (table 07459), one figure per
        // municipality and year: a count that adds up, not a person statistic.
        {"population", "Folketall", "Folketal", "Population", Unit::persons, true},
    };
    return catalogue;
}

}  // namespace kdx
