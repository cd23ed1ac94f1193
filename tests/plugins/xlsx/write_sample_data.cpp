// The xlsx writer tests' samples: a dataset of Trøndelag and Innlandet, a
// document with every kind of block, and the shipped templates over the dataset.
#include "sample_data.hpp"
#include "write_test_support.hpp"

namespace kdx::test::xlsx_write {

Dataset sample_dataset() {
    Dataset d;
    d.info.title = "Bosetting i Trøndelag og Innlandet (testdata)";
    d.info.description = "Tall laget for testene av xlsx-skriveren.";
    d.info.provenance = {"IMDi, bosettingstall", "SSB, befolkning"};
    std::uint32_t source = d.add_source("partner.xlsx", "Bosetting");
    d.municipalities = {
        municipality("5006", "Steinkjer", "50", "Trøndelag"),
        municipality("5041", "Snåase – Snåsa", "50", "Trøndelag", LanguageForm::neutral),
        municipality("3413", "Stange", "34", "Innlandet")};
    const std::int64_t population[] = {24000, 2100, 21000};
    for (std::size_t i = 0; i < d.municipalities.size(); ++i) {
        d.municipalities[i].imdi_region = "Midt-Norge";
        d.municipalities[i].population = population[i];
    }
    d.municipalities[0].valid_from = 2020;
    d.municipalities[1].other_names = {"Snåase", "Snåsa"};
    d.municipalities[1].origin = {source, 7, 2};
    add_figures(d, "5006", {{2016, 110, 110, 118}, {2017, 60, 60, 57}, {2018, 25, 25, 22}});
    add_figures(d, "5041", {{2017, 5, Value::missing(), Value::suppressed()}});
    add_figures(d, "3413", {{2018, 15, 15, 1234567}});
    d.settlement[0].unaccompanied_minors = 12;
    d.settlement[0].family_reunifications = Value::suppressed();

    Programme intro = programme("steinkjer-intro", "5006", ProgrammeKind::introduction_programme,
                                "Introduksjonsprogram med yrkesløp",
                                {"NAV Steinkjer", "Trøndelag fylkeskommune"}, {2016, 2017, 2018});
    intro.description = "Helsefag i samarbeid med NAV og videregående skole.";
    d.programmes = {intro};

    d.outcomes = {outcome("5006", 2017, 63.5, 42), outcome("0000", 2017, 61.0, 5100),
                  outcome("5041", 2017, Value::suppressed(), 3),
                  outcome("5006", 2018, 4.2, Value(), Unit::per_mille),
                  outcome("5006", 2018, 1250000, Value(), Unit::nok)};
    d.outcomes[3].indicator = "reunification-rate";
    d.outcomes[4].indicator = "grant";

    Nomination n =
        nomination("5006", 2018, "Steinkjer bosetter jevnt gjennom året og deler det den har lært.",
                   {{"Jevn bosetting", "Kommunen bosetter i tråd med anmodningene."},
                    {"Samarbeid", "Flyktningtjenesten og NAV arbeider tett sammen."}},
                   "2018-12-21");
    n.votes = 7;
    d.nominations = {
        n, nomination("3413", 2018, "Stange samarbeider bredt med frivillige lag.",
                      {{"Frivillighet", "Frivillige lag tar imot nye innbyggere."}}, "2018-12-21")};

    Indicator grant;
    grant.id = "grant";
    grant.label_nb = "Integreringstilskudd";
    grant.unit = Unit::nok;
    Indicator rate;
    rate.id = "reunification-rate";
    rate.label_nb = "Familiegjenforente per tusen bosatte";
    rate.unit = Unit::per_mille;
    d.indicators = {grant, rate};
    return d;
}

Document sample_document() {
    Document doc;
    doc.info.title = "Steinkjer – bosetting og integrering";
    doc.info.subtitle = "Nominert til Bosettings- og inkluderingsprisen 2018";
    doc.info.language = "nb";
    doc.info.author = "IMDi";
    doc.info.subject = "Bosetting";
    doc.info.keywords = {"bosetting", "integrering", "Steinkjer"};
    doc.info.sources = {"nominees-2018.xml"};
    doc.info.generator = "kdx";
    doc.info.date = "2018-12-21";

    KeyFigures k;
    k.figures = {{"Bosatt 2018", 22, Unit::persons, -35, "22"},
                 {"I arbeid eller utdanning", 63.5, Unit::percent, 2.5, "63,5 %"},
                 {"Enslige mindreårige", Value::suppressed(), Unit::persons, Value(), ":"}};
    doc.blocks.push_back(k);
    doc.blocks.push_back(Heading{1, "Jevn bosetting"});
    doc.blocks.push_back(Paragraph{{{"Kommunen bosetter i tråd med ", false},
                                    {"IMDis anmodninger", true},
                                    {" og fordeler bosettingen over året.", false}}});
    doc.blocks.push_back(Paragraph{{{"=1+1 er ikke en formel her.", false}}});

    Table t;
    // 40 characters, with æøå and characters Excel forbids in sheet names.
    t.caption = "Bosetting/år i Snåsa: anmodet og bosatte";
    t.columns = {{"År", TableColumn::Type::year},
                 {"Kommune", TableColumn::Type::text},
                 {"Anmodning", TableColumn::Type::count},
                 {"Bosatt", TableColumn::Type::count},
                 {"Andel", TableColumn::Type::percent}};
    t.rows = {{{"2016", 2016}, {"Steinkjer", {}}, {"110", 110}, {"118", 118}, {"107,3 %", 107.27}},
              {{"2017", 2017},
               {"=SUM(A1:A2)", {}},
               {"5", 5},
               {":", Value::suppressed()},
               {":", Value::suppressed()}},
              {{"2018", 2018}, {"Ørland", {}}, {"25", 25}, {"", Value()}, {"", Value()}},
              {{"", {}}, {"I alt", {}}, {"140", 140}, {":", Value::suppressed()}, {"", Value()}}};
    t.last_row_is_total = true;
    t.notes = {"Tall under 5 er skjult (:)."};
    doc.blocks.push_back(t);
    Table again = t;  // the same caption again needs another sheet name
    again.notes.clear();
    doc.blocks.push_back(again);

    Chart bar;
    bar.kind = Chart::Kind::bar;
    bar.title = "Bosatte per år";
    bar.categories = {"2016", "2017", "2018"};
    bar.series = {{"Anmodning", {110, 60, 25}}, {"Bosatt", {118, Value::suppressed(), 22}}};
    bar.x_title = "År";
    bar.y_title = "Personer";
    doc.blocks.push_back(bar);
    doc.blocks.push_back(PageBreak{});
    Chart line = bar;
    line.kind = Chart::Kind::line;
    line.title = "=Andel i 'arbeid'";
    line.unit = Unit::percent;
    line.series = {{"Steinkjer", {58.0, 63.5, Value()}}, {"Hele landet", {60.2, 61.0, 62.1}}};
    line.y_title = "Prosent";
    doc.blocks.push_back(line);
    doc.notes = {": Tallet er skjult fordi det er under 5."};
    return doc;
}

Document shipped_document(const std::string& template_id) {
    // Steinkjer and Trøndelag in 2017, the nominees of 2018.
    return test::shipped_document(
        template_id, sample_dataset(),
        {"5006", "50", 2017, 2018, "2018-12-21", "nominees-2018.xml", ""});
}

}  // namespace kdx::test::xlsx_write
