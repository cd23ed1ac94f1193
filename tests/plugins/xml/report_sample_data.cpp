// The xml report tests' sample: Vestland 2022–2024.
#include "report_test_support.hpp"
#include "sample_data.hpp"

namespace kdx::test::report_xml {

Dataset sample_dataset() {
    Dataset d;
    d.info.title = "Busetjing i Vestland 2022–2024 (testdata)";
    d.municipalities = vestland_municipalities();
    add_figures(d, "4621", {{2022, 12, 12, 14}, {2023, 10, 8, 9}, {2024, 6, 5, 3}});
    add_figures(d, "4601",
                {{2022, 1200, 1150, 1234}, {2023, 900, 900, 871}, {2024, 650, 600, 612.0}});
    add_figures(d, "4627",
                {{2022, 20, 20, 18}, {2023, 20, Value::missing(), 25}, {2024, 15, 15, 16}});
    d.outcomes = {outcome("4621", 2023, 58.5, 12), outcome("4621", 2024, 61.25, 4),
                  outcome("0000", 2023, 60.2, 5000), outcome("0000", 2024, 61.0, 5100),
                  outcome("4601", 2024, 66.7, 300)};
    const std::vector<int> years{2022, 2023, 2024};
    d.programmes = {
        programme("voss-intro", "4621", ProgrammeKind::introduction_programme,
                  "Introduksjonsprogram med arbeidsretta løp",
                  {"NAV Voss", "Voss vidaregåande skule"}, years),
        programme("voss-foreldre", "4621", ProgrammeKind::parent_guidance,
                  "Foreldrerettleiing – «Fri & trygg» <grupper>", {"Helsestasjonen"}, years),
        programme("bergen-norsk", "4601", ProgrammeKind::norwegian_training,
                  "Norskopplæring for voksne", {"Bergen kommune", "Frivilligsentralen"}, years)};
    d.nominations = {
        nomination(
            "4621", 2024,
            "Voss har busett flyktningar i mange år og samarbeider tett med "
            "*frivillige lag* og næringslivet.",
            {{"Busetjing heile året", "Kommunen fordeler busetjinga over heile året."},
             {"Kvalifisering", "Vaksenopplæringa og NAV arbeider saman & deler erfaringar."}},
            "2024-11-30"),
        nomination("4601", 2024, "Bergen har bygd opp eit breitt samarbeid med næringslivet.",
                   {{"Arbeid", "Mange kjem raskt i arbeid."}}, "2024-11-30")};
    return d;
}

Document shipped_document(const std::string& template_id) {
    // Voss and Vestland in 2024, the nominees of 2024.
    return test::shipped_document(
        template_id, sample_dataset(),
        {"4621", "46", 2024, 2024, "2024-12-31", "vestland-2024.xml", ""});
}

std::string sample_exchange_xml() {
    return R"(<?xml version="1.0" encoding="UTF-8"?>
<dataset xmlns="urn:kdx:data:1" version="1">
  <info>
    <title>Busetjing i Vestland 2022–2024 (testdata)</title>
    <provenance>Testtal, ikkje publiserte.</provenance>
    <data-source publisher="IMDi" title-nb="bosettingsstatistikk" title-en="settlement statistics" as-of="2025-01-31"/>
  </info>
  <municipalities>
    <municipality number="4621" name="Voss" county-number="46" county-name="Vestland" language="nn"/>
    <municipality number="4601" name="Bergen" county-number="46" county-name="Vestland" language="nb"/>
  </municipalities>
  <settlement>
    <figures municipality="4621" year="2022" requested="12" decided="12" settled="14"/>
    <figures municipality="4621" year="2023" requested="10" decided="8" settled="9"/>
    <figures municipality="4621" year="2024" requested="6" decided="5" settled="3"/>
    <figures municipality="4601" year="2024" requested="650" decided="600" settled="612"/>
  </settlement>
  <programmes>
    <programme id="voss-intro" municipality="4621" kind="introduction-programme" name="Introduksjonsprogram med arbeidsretta løp" years="2022 2023 2024">
      <partner>NAV Voss</partner>
    </programme>
  </programmes>
  <outcomes>
    <outcome municipality="4621" indicator="work-or-education-1y" year="2024" value="61.25" unit="percent" cohort-size="4"/>
    <outcome municipality="0000" indicator="work-or-education-1y" year="2024" value="61" unit="percent"/>
  </outcomes>
</dataset>
)";
}

}  // namespace kdx::test::report_xml
