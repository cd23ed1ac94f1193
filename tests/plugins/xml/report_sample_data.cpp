#include "report/report_builder.hpp"
#include "report_test_support.hpp"

namespace kdx::test::report_xml {

namespace {

Municipality municipality(std::string number, std::string name, LanguageForm form) {
    Municipality m;
    m.number = std::move(number);
    m.name = std::move(name);
    m.county_number = "46";
    m.county_name = "Vestland";
    m.language = form;
    return m;
}

void figures(Dataset& d, const std::string& m, int year, Value requested, Value decided,
             Value settled) {
    SettlementFigures s;
    s.municipality = m;
    s.year = year;
    s.requested = requested;
    s.decided = decided;
    s.settled = settled;
    d.settlement.push_back(s);
}

Outcome outcome(const std::string& m, int year, double value, Value cohort) {
    Outcome o;
    o.municipality = m;
    o.indicator = "work-or-education-1y";
    o.year = year;
    o.value = value;
    o.unit = Unit::percent;
    o.cohort_size = cohort;
    o.source = "IMDi";
    return o;
}

Programme programme(std::string id, std::string m, ProgrammeKind kind, std::string name,
                    std::vector<std::string> partners) {
    Programme p;
    p.id = std::move(id);
    p.municipality = std::move(m);
    p.kind = kind;
    p.name = std::move(name);
    p.partners = std::move(partners);
    p.years = {2022, 2023, 2024};
    return p;
}

}  // namespace

Dataset sample_dataset() {
    Dataset d;
    d.info.title = "Busetjing i Vestland 2022–2024 (testdata)";
    d.municipalities = {municipality("4621", "Voss", LanguageForm::nynorsk),
                        municipality("4601", "Bergen", LanguageForm::bokmal),
                        municipality("4627", "Askøy", LanguageForm::bokmal)};
    figures(d, "4621", 2022, 12, 12, 14);
    figures(d, "4621", 2023, 10, 8, 9);
    figures(d, "4621", 2024, 6, 5, 3);
    figures(d, "4601", 2022, 1200, 1150, 1234);
    figures(d, "4601", 2023, 900, 900, 871);
    figures(d, "4601", 2024, 650, 600, 612.0);
    figures(d, "4627", 2022, 20, 20, 18);
    figures(d, "4627", 2023, 20, Value::missing(), 25);
    figures(d, "4627", 2024, 15, 15, 16);
    d.programmes = {
        programme("voss-intro", "4621", ProgrammeKind::introduction_programme,
                  "Introduksjonsprogram med arbeidsretta løp",
                  {"NAV Voss", "Voss vidaregåande skule"}),
        programme("voss-foreldre", "4621", ProgrammeKind::parent_guidance,
                  "Foreldrerettleiing – «Fri & trygg» <grupper>", {"Helsestasjonen"}),
        programme("bergen-norsk", "4601", ProgrammeKind::norwegian_training,
                  "Norskopplæring for voksne", {"Bergen kommune", "Frivilligsentralen"})};
    d.outcomes = {outcome("4621", 2023, 58.5, 12), outcome("4621", 2024, 61.25, 4),
                  outcome("0000", 2023, 60.2, 5000), outcome("0000", 2024, 61.0, 5100),
                  outcome("4601", 2024, 66.7, 300)};
    Nomination voss;
    voss.prize = "bosettings-og-inkluderingsprisen";
    voss.year = 2024;
    voss.municipality = "4621";
    voss.summary =
        "Voss har busett flyktningar i mange år og samarbeider tett med "
        "*frivillige lag* og næringslivet.";
    voss.sections = {
        {"Busetjing heile året", "Kommunen fordeler busetjinga over heile året."},
        {"Kvalifisering", "Vaksenopplæringa og NAV arbeider saman & deler erfaringar."}};
    voss.last_updated = "2024-11-30";
    Nomination bergen = voss;
    bergen.municipality = "4601";
    bergen.summary = "Bergen har bygd opp eit breitt samarbeid med næringslivet.";
    bergen.sections = {{"Arbeid", "Mange kjem raskt i arbeid."}};
    d.nominations = {voss, bergen};
    return d;
}

Document shipped_document(const std::string& template_id) {
    auto t = report::read_template(source_dir() / "templates" / (template_id + ".xml"));
    report::ReportRequest r;
    r.date = "2024-12-31";
    r.year = 2024;
    r.data_files = {"vestland-2024.xml"};
    if (template_id == "imdi-dossier" || template_id == "council-report")
        r.municipality = "4621";
    else if (template_id == "county-overview")
        r.county = "46";
    Diagnostics diagnostics;
    Document doc = report::build_report(t, sample_dataset(), r, diagnostics);
    EXPECT_FALSE(diagnostics.has_errors());
    return doc;
}

std::string sample_exchange_xml() {
    return R"(<?xml version="1.0" encoding="UTF-8"?>
<dataset xmlns="urn:kdx:data:1" version="1">
  <info>
    <title>Busetjing i Vestland 2022–2024 (testdata)</title>
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
