// Built by scripts/test-sdk with nothing but `pkg-config --cflags --libs kdx`,
// to prove kdx.pc describes an installed SDK that compiles and links. It
// uses the data model only, as a program that is no plugin does: such a
// program must not need Boost, which only kdx/plugin.hpp uses.
#include <iostream>
#include <kdx/diagnostics.hpp>
#include <kdx/format.hpp>
#include <kdx/model.hpp>
#include <kdx/validate.hpp>
#include <kdx/value.hpp>
#include <kdx/version.hpp>

#if defined(BOOST_CONFIG_HPP) || defined(BOOST_DLL_USE_STD_FS)
#error "kdx's data-model headers pulled in Boost, or kdx.pc passes a Boost.DLL setting"
#endif

int main() {
    kdx::Dataset d;
    d.municipalities.push_back({"5004", "Steinkjer", "50", "Trøndelag", "", {}, {}, {}, 0, 0, {}});
    kdx::SettlementFigures s;
    s.municipality = "5004";
    s.year = 2018;
    s.settled = kdx::Value::suppressed();
    d.settlement.push_back(s);
    kdx::Diagnostics diagnostics;
    kdx::validate(d, diagnostics);
    std::cout << "kdx " << kdx::version() << " abi " << kdx::abi_major << " "
              << d.find_municipality("5004")->name
              << " settled=" << kdx::to_string(d.find_settlement("5004", 2018)->settled)
              << " errors=" << diagnostics.count(kdx::Severity::error) << '\n';
    return 0;
}
