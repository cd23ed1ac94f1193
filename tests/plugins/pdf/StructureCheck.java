// Reads a tagged PDF with PDFBox 2 and reports what PDF/UA-1 asks of it, one
// finding per line: the catalog's Lang, MarkInfo and DisplayDocTitle, each
// element's own Lang ("Span Lang: se"), each
// page's Tabs and StructParents, every Figure's Alt, every Table's header
// cells, and whether the marked content in the pages and the structure tree
// agree (every MCID on a page is claimed by an element through the tree and
// the ParentTree, and nothing is drawn outside marked content). Ends with
// "problems: N"; exits 1 when N > 0.
//
// Run with Java 11 or later in source-file mode:
//   java -cp pdfbox2.jar:fontbox2.jar:commons-logging.jar StructureCheck.java file.pdf

import java.io.File;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSInteger;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.pdfparser.PDFStreamParser;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDMarkedContentReference;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureNode;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureTreeRoot;

public class StructureCheck {
    static int problems = 0;

    static void problem(String what) {
        System.out.println("problem: " + what);
        ++problems;
    }

    static final Set<String> PAINTING = Set.of("Tj", "TJ", "'", "\"", "f", "F", "f*", "S", "s",
            "B", "B*", "b", "b*", "Do", "sh");

    public static void main(String[] args) throws Exception {
        try (PDDocument doc = PDDocument.load(new File(args[0]))) {
            PDDocumentCatalog catalog = doc.getDocumentCatalog();
            System.out.println("Lang: " + catalog.getLanguage());
            boolean marked = catalog.getMarkInfo() != null && catalog.getMarkInfo().isMarked();
            System.out.println("Marked: " + marked);
            boolean title = catalog.getViewerPreferences() != null
                    && catalog.getViewerPreferences().displayDocTitle();
            System.out.println("DisplayDocTitle: " + title);
            if (catalog.getLanguage() == null) problem("no Lang");
            if (!marked) problem("MarkInfo is not Marked");
            if (!title) problem("DisplayDocTitle is not true");
            PDStructureTreeRoot root = catalog.getStructureTreeRoot();
            if (root == null) {
                problem("no StructTreeRoot");
                System.out.println("problems: " + problems);
                System.exit(1);
            }

            // The MCIDs each page draws, and paint operators outside marked content.
            Map<COSDictionary, Set<Integer>> drawn = new HashMap<>();
            Map<COSDictionary, Integer> pageNumber = new HashMap<>();
            int n = 0;
            for (PDPage page : doc.getPages()) {
                ++n;
                pageNumber.put(page.getCOSObject(), n);
                if (!"S".equals(page.getCOSObject().getNameAsString(COSName.getPDFName("Tabs"))))
                    problem("page " + n + " has no /Tabs /S");
                Set<Integer> mcids = new HashSet<>();
                drawn.put(page.getCOSObject(), mcids);
                PDFStreamParser parser = new PDFStreamParser(page);
                parser.parse();
                List<Object> operands = new ArrayList<>();
                Deque<String> open = new ArrayDeque<>();
                int unmarked = 0;
                for (Object token : parser.getTokens()) {
                    if (!(token instanceof Operator)) {
                        operands.add(token);
                        continue;
                    }
                    String op = ((Operator) token).getName();
                    if (op.equals("BMC")) {
                        open.push(((COSName) operands.get(0)).getName());
                    } else if (op.equals("BDC")) {
                        String tag = ((COSName) operands.get(0)).getName();
                        open.push(tag);
                        if (operands.get(1) instanceof COSDictionary) {
                            COSDictionary props = (COSDictionary) operands.get(1);
                            int mcid = props.getInt(COSName.MCID, -1);
                            if (mcid >= 0 && !mcids.add(mcid))
                                problem("page " + n + " uses MCID " + mcid + " twice");
                            if (mcid < 0 && !tag.equals("Artifact"))
                                problem("page " + n + ": /" + tag + " without MCID");
                        }
                    } else if (op.equals("EMC")) {
                        if (open.isEmpty()) problem("page " + n + ": EMC without BDC");
                        else open.pop();
                    } else if (PAINTING.contains(op) && open.isEmpty()) {
                        ++unmarked;
                    }
                    operands.clear();
                }
                if (!open.isEmpty()) problem("page " + n + ": marked content left open");
                if (unmarked > 0)
                    problem("page " + n + ": " + unmarked + " operators outside marked content");
            }

            // The MCIDs the tree claims, and what the elements say.
            Map<COSDictionary, Map<Integer, COSDictionary>> claimed = new HashMap<>();
            Deque<PDStructureNode> todo = new ArrayDeque<>();
            todo.push(root);
            int figures = 0, tables = 0;
            List<String> order = new ArrayList<>();
            while (!todo.isEmpty()) {
                PDStructureNode node = todo.pop();
                List<Object> kids = node.getKids();
                List<PDStructureNode> children = new ArrayList<>();
                if (node instanceof PDStructureElement) {
                    PDStructureElement e = (PDStructureElement) node;
                    String type = e.getStructureType();
                    order.add(type);
                    if (type.equals("Figure")) {
                        ++figures;
                        String alt = e.getAlternateDescription();
                        System.out.println("Figure Alt: " + alt);
                        if (alt == null || alt.isEmpty()) problem("a Figure without Alt");
                    }
                    if (type.equals("Table")) {
                        ++tables;
                        if (!hasDescendant(e, "TH")) problem("a Table without TH");
                    }
                    if (e.getLanguage() != null) {
                        System.out.println(type + " Lang: " + e.getLanguage());
                        if (!e.getLanguage().matches("[a-z]{2,3}(-[A-Za-z0-9]{2,8})*"))
                            problem(type + " has a Lang that is no BCP 47 tag: " + e.getLanguage());
                    }
                    if (type.equals("Note") && e.getElementIdentifier() == null)
                        problem("a Note without ID");
                    for (Object kid : kids) {
                        COSDictionary page = null;
                        int mcid = -1;
                        if (kid instanceof Integer) {
                            mcid = (Integer) kid;
                            page = e.getPage() == null ? null : e.getPage().getCOSObject();
                        } else if (kid instanceof PDMarkedContentReference) {
                            PDMarkedContentReference mcr = (PDMarkedContentReference) kid;
                            mcid = mcr.getMCID();
                            page = mcr.getPage() != null ? mcr.getPage().getCOSObject()
                                    : e.getPage() == null ? null : e.getPage().getCOSObject();
                        }
                        if (mcid < 0) continue;
                        if (page == null) {
                            problem(type + " claims MCID " + mcid + " on no page");
                            continue;
                        }
                        Map<Integer, COSDictionary> m = claimed.computeIfAbsent(page, p -> new HashMap<>());
                        if (m.put(mcid, e.getCOSObject()) != null)
                            problem("MCID " + mcid + " claimed twice");
                    }
                }
                for (Object kid : kids)
                    if (kid instanceof PDStructureNode) children.add((PDStructureNode) kid);
                for (int i = children.size(); i-- > 0;) todo.push(children.get(i));
            }
            System.out.println("Figures: " + figures);
            System.out.println("Tables: " + tables);
            System.out.println("Elements: " + String.join(" ", order));

            // Pages and tree agree, and the ParentTree leads back to the element.
            COSArray nums = parentTreeNums(root.getCOSObject());
            for (Map.Entry<COSDictionary, Set<Integer>> page : drawn.entrySet()) {
                int number = pageNumber.get(page.getKey());
                Map<Integer, COSDictionary> m = claimed.getOrDefault(page.getKey(), Map.of());
                for (int mcid : page.getValue())
                    if (!m.containsKey(mcid))
                        problem("page " + number + ": MCID " + mcid + " belongs to no element");
                for (int mcid : m.keySet())
                    if (!page.getValue().contains(mcid))
                        problem("page " + number + ": the tree claims MCID " + mcid + " it lacks");
                int key = page.getKey().getInt(COSName.STRUCT_PARENTS, -1);
                if (key < 0) {
                    problem("page " + number + " has no StructParents");
                    continue;
                }
                COSArray owners = lookUp(nums, key);
                if (owners == null) {
                    problem("page " + number + " is not in the ParentTree");
                    continue;
                }
                for (Map.Entry<Integer, COSDictionary> c : m.entrySet()) {
                    COSBase owner = c.getKey() < owners.size() ? owners.getObject(c.getKey()) : null;
                    if (owner != c.getValue())
                        problem("page " + number + ": the ParentTree gives MCID " + c.getKey()
                                + " another element");
                }
            }
            int next = root.getCOSObject().getInt(COSName.getPDFName("ParentTreeNextKey"), -1);
            if (next < doc.getNumberOfPages()) problem("ParentTreeNextKey is " + next);
            System.out.println("problems: " + problems);
            System.exit(problems == 0 ? 0 : 1);
        }
    }

    static boolean hasDescendant(PDStructureElement e, String type) {
        for (Object kid : e.getKids())
            if (kid instanceof PDStructureElement) {
                PDStructureElement k = (PDStructureElement) kid;
                if (k.getStructureType().equals(type) || hasDescendant(k, type)) return true;
            }
        return false;
    }

    // The flat /Nums of the ParentTree (kdx writes a single leaf; Kids are followed).
    static COSArray parentTreeNums(COSDictionary root) {
        COSArray all = new COSArray();
        collect((COSDictionary) root.getDictionaryObject(COSName.PARENT_TREE), all);
        return all;
    }

    static void collect(COSDictionary node, COSArray into) {
        if (node == null) return;
        COSArray nums = (COSArray) node.getDictionaryObject(COSName.NUMS);
        if (nums != null)
            for (int i = 0; i < nums.size(); ++i) into.add(nums.get(i));
        COSArray kids = (COSArray) node.getDictionaryObject(COSName.KIDS);
        if (kids != null)
            for (int i = 0; i < kids.size(); ++i) collect((COSDictionary) kids.getObject(i), into);
    }

    static COSArray lookUp(COSArray nums, int key) {
        for (int i = 0; i + 1 < nums.size(); i += 2) {
            COSBase k = nums.getObject(i);
            if (k instanceof COSInteger && ((COSInteger) k).intValue() == key) {
                COSBase v = nums.getObject(i + 1);
                return v instanceof COSArray ? (COSArray) v : null;
            }
        }
        return null;
    }
}
