#include "pdfa_metadata.hpp"

#include <podofo/podofo.h>

#include "flate.hpp"
#include "kdx/source_date.hpp"
#include "srgb_profile.hpp"

namespace kdx::pdf {

namespace {

using namespace PoDoFo;

PdfString utf8(const std::string& s) {
    return PdfString(reinterpret_cast<const pdf_utf8*>(s.c_str()));
}

std::string escape(const std::string& s) {
    std::string out;
    for (char c : s) {
        switch (c) {
            case '&':
                out += "&amp;";
                break;
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break;
            case '"':
                out += "&quot;";
                break;
            default:
                out += c;
        }
    }
    return out;
}

std::string format_time(std::time_t when, const char* format) {
    std::tm tm{};
    gmtime_r(&when, &tm);
    char buffer[40];
    std::strftime(buffer, sizeof buffer, format, &tm);
    return buffer;
}

std::string keywords_of(const DocumentInfo& info) {
    std::string k;
    for (const auto& word : info.keywords) k += (k.empty() ? "" : ", ") + word;
    return k;
}

std::string creator_of(const DocumentInfo& info) {
    return info.generator.empty() ? "kdx" : info.generator;
}

// What the report was made from (kdx verify reads it back), in a schema of
// kdx's own: PDF/A-1 (6.7.8) asks for its description in the packet.
const char* const provenance_namespace = "urn:kdx:ns:provenance:1#";

std::string provenance_property(const char* name, const char* type, const char* description) {
    return std::string("<rdf:li rdf:parseType=\"Resource\">\n<pdfaProperty:name>") + name +
           "</pdfaProperty:name>\n<pdfaProperty:valueType>" + type +
           "</pdfaProperty:valueType>\n<pdfaProperty:category>external</pdfaProperty:category>\n"
           "<pdfaProperty:description>" +
           description + "</pdfaProperty:description>\n</rdf:li>";
}

std::string provenance_schema() {
    return std::string(
               "<rdf:li rdf:parseType=\"Resource\">\n"
               "<pdfaSchema:schema>kdx report provenance</pdfaSchema:schema>\n"
               "<pdfaSchema:namespaceURI>") +
           provenance_namespace +
           "</pdfaSchema:namespaceURI>\n<pdfaSchema:prefix>kdxp</pdfaSchema:prefix>\n"
           "<pdfaSchema:property><rdf:Seq>" +
           provenance_property(
               "inputs", "seq Text",
               "Each data file as sha256sum prints it: the SHA-256, two spaces, the name") +
           provenance_property("templateId", "Text", "The report template's id") +
           provenance_property("templateSha256", "Text", "The SHA-256 of the template file") +
           provenance_property(
               "plugins", "seq Text",
               "Each plugin that read the data or wrote the report, with its version") +
           provenance_property("generator", "Text",
                               "The program and version that built the report") +
           "</rdf:Seq></pdfaSchema:property>\n</rdf:li>";
}

std::string provenance_description(const Provenance& p) {
    std::string x = std::string("<rdf:Description rdf:about=\"\" xmlns:kdxp=\"") +
                    provenance_namespace + "\">\n";
    if (!p.inputs.empty()) {
        x += "<kdxp:inputs><rdf:Seq>";
        for (const ProvenanceFile& f : p.inputs)
            x += "<rdf:li>" + escape(f.sha256 + "  " + f.name) + "</rdf:li>";
        x += "</rdf:Seq></kdxp:inputs>\n";
    }
    if (!p.template_sha256.empty())
        x += "<kdxp:templateId>" + escape(p.template_id) +
             "</kdxp:templateId>\n<kdxp:templateSha256>" + escape(p.template_sha256) +
             "</kdxp:templateSha256>\n";
    if (!p.plugins.empty()) {
        x += "<kdxp:plugins><rdf:Seq>";
        for (const std::string& plugin : p.plugins) x += "<rdf:li>" + escape(plugin) + "</rdf:li>";
        x += "</rdf:Seq></kdxp:plugins>\n";
    }
    if (!p.generator.empty()) x += "<kdxp:generator>" + escape(p.generator) + "</kdxp:generator>\n";
    return x + "</rdf:Description>\n";
}

}  // namespace

std::string language_tag(const std::string& language) {
    if (language == "nb" || language == "nn") return language + "-NO";
    if (language == "en") return "en-GB";
    return language;
}

std::time_t document_time(Diagnostics& diagnostics) {
    return output_time(diagnostics, "pdf", "the PDF is dated now");
}

std::string pdf_date(std::time_t when) { return format_time(when, "D:%Y%m%d%H%M%S+00'00'"); }

std::string xmp_date(std::time_t when) { return format_time(when, "%Y-%m-%dT%H:%M:%S+00:00"); }

std::string xmp_packet(const DocumentInfo& info, const std::string& producer, std::time_t when) {
    const std::string date = xmp_date(when);
    std::string x;
    x += "<?xpacket begin=\"\xEF\xBB\xBF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n";
    x += "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n";
    x += "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n";
    x += "<rdf:Description rdf:about=\"\" xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\">\n"
         "<pdfaid:part>1</pdfaid:part>\n<pdfaid:conformance>B</pdfaid:conformance>\n"
         "</rdf:Description>\n";
    // PDF/UA-1 names itself in pdfuaid, a schema PDF/A-1 does not know: it is
    // described in an extension schema, as PDF/A-1 (6.7.8) asks.
    x += "<rdf:Description rdf:about=\"\" xmlns:pdfuaid=\"http://www.aiim.org/pdfua/ns/id/\">\n"
         "<pdfuaid:part>1</pdfuaid:part>\n</rdf:Description>\n";
    x += "<rdf:Description rdf:about=\"\""
         " xmlns:pdfaExtension=\"http://www.aiim.org/pdfa/ns/extension/\""
         " xmlns:pdfaSchema=\"http://www.aiim.org/pdfa/ns/schema#\""
         " xmlns:pdfaProperty=\"http://www.aiim.org/pdfa/ns/property#\">\n"
         "<pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType=\"Resource\">\n"
         "<pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>\n"
         "<pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>\n"
         "<pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>\n"
         "<pdfaSchema:property><rdf:Seq><rdf:li rdf:parseType=\"Resource\">\n"
         "<pdfaProperty:name>part</pdfaProperty:name>\n"
         "<pdfaProperty:valueType>Integer</pdfaProperty:valueType>\n"
         "<pdfaProperty:category>internal</pdfaProperty:category>\n"
         "<pdfaProperty:description>Part of ISO 14289 the file conforms "
         "to</pdfaProperty:description>\n"
         "</rdf:li></rdf:Seq></pdfaSchema:property>\n"
         "</rdf:li>";
    if (!info.provenance.empty()) x += provenance_schema();
    x += "</rdf:Bag></pdfaExtension:schemas>\n</rdf:Description>\n";
    if (!info.provenance.empty()) x += provenance_description(info.provenance);
    x += "<rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n";
    x += "<dc:format>application/pdf</dc:format>\n";
    if (!info.title.empty())
        x += "<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">" + escape(info.title) +
             "</rdf:li></rdf:Alt></dc:title>\n";
    if (!info.author.empty())
        x += "<dc:creator><rdf:Seq><rdf:li>" + escape(info.author) +
             "</rdf:li></rdf:Seq></dc:creator>\n";
    if (!info.subject.empty())
        x += "<dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">" + escape(info.subject) +
             "</rdf:li></rdf:Alt></dc:description>\n";
    if (!info.keywords.empty()) {
        x += "<dc:subject><rdf:Bag>";
        for (const auto& k : info.keywords) x += "<rdf:li>" + escape(k) + "</rdf:li>";
        x += "</rdf:Bag></dc:subject>\n";
    }
    if (!info.language.empty())
        x += "<dc:language><rdf:Bag><rdf:li>" + escape(language_tag(info.language)) +
             "</rdf:li></rdf:Bag></dc:language>\n";
    x += "</rdf:Description>\n";
    x += "<rdf:Description rdf:about=\"\" xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\">\n";
    if (!info.keywords.empty())
        x += "<pdf:Keywords>" + escape(keywords_of(info)) + "</pdf:Keywords>\n";
    x += "<pdf:Producer>" + escape(producer) + "</pdf:Producer>\n</rdf:Description>\n";
    x += "<rdf:Description rdf:about=\"\" xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\">\n";
    x += "<xmp:CreatorTool>" + escape(creator_of(info)) + "</xmp:CreatorTool>\n";
    x += "<xmp:CreateDate>" + date + "</xmp:CreateDate>\n<xmp:ModifyDate>" + date +
         "</xmp:ModifyDate>\n<xmp:MetadataDate>" + date + "</xmp:MetadataDate>\n";
    x += "</rdf:Description>\n</rdf:RDF>\n</x:xmpmeta>\n";
    // Room to edit the packet in place, as the XMP specification suggests.
    x += std::string(10, ' ') + "\n<?xpacket end=\"w\"?>";
    return x;
}

void apply_pdfa(PdfMemDocument& document, const DocumentInfo& info, std::time_t when) {
    // PODOFO_VERSION_STRING carries an embedded NUL, so the numbers are used.
    const std::string producer = "kdx PDF plugin (PoDoFo " + std::to_string(PODOFO_VERSION_MAJOR) +
                                 "." + std::to_string(PODOFO_VERSION_MINOR) + "." +
                                 std::to_string(PODOFO_VERSION_PATCH) + ")";
    PdfInfo* pdf_info = document.GetInfo();
    PdfDictionary& dict = pdf_info->GetObject()->GetDictionary();
    if (!info.title.empty()) pdf_info->SetTitle(utf8(info.title));
    if (!info.author.empty()) pdf_info->SetAuthor(utf8(info.author));
    if (!info.subject.empty()) pdf_info->SetSubject(utf8(info.subject));
    if (!info.keywords.empty()) pdf_info->SetKeywords(utf8(keywords_of(info)));
    pdf_info->SetCreator(utf8(creator_of(info)));
    pdf_info->SetProducer(utf8(producer));
    dict.AddKey("CreationDate", PdfString(pdf_date(when)));
    dict.AddKey("ModDate", PdfString(pdf_date(when)));

    PdfDictionary& catalog = document.GetCatalog()->GetDictionary();
    if (!info.language.empty()) catalog.AddKey("Lang", PdfString(language_tag(info.language)));

    const std::string xmp = xmp_packet(info, producer, when);
    PdfObject* metadata = document.GetObjects().CreateObject("Metadata");
    metadata->GetDictionary().AddKey("Subtype", PdfName("XML"));
    TVecFilters unfiltered;  // PDF/A-1 wants the XMP readable without decoding
    metadata->GetStream()->Set(xmp.data(), static_cast<pdf_long>(xmp.size()), unfiltered);
    catalog.AddKey("Metadata", metadata->Reference());

    // The same for every document: deflated once.
    static const std::string icc(deflated(srgb_profile(), default_level));
    PdfObject* profile = document.GetObjects().CreateObject();
    profile->GetDictionary().AddKey("N", static_cast<pdf_int64>(3));
    set_deflated_stream(*profile, icc);
    PdfObject* intent = document.GetObjects().CreateObject("OutputIntent");
    PdfDictionary& d = intent->GetDictionary();
    d.AddKey("S", PdfName("GTS_PDFA1"));
    d.AddKey("OutputConditionIdentifier", PdfString("sRGB IEC61966-2.1"));
    d.AddKey("RegistryName", PdfString("http://www.color.org"));
    d.AddKey("Info", PdfString("sRGB IEC61966-2.1"));
    d.AddKey("DestOutputProfile", profile->Reference());
    PdfArray intents;
    intents.push_back(intent->Reference());
    catalog.AddKey("OutputIntents", intents);
}

}  // namespace kdx::pdf
