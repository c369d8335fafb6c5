package org.ctemcycles.mirrorcheck;

import com.sun.source.tree.AnnotationTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.ImportTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TryTree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.SourcePositions;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.Trees;

import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Checks the platform mirror against public Jira 11 apps (scripts/check-mirror runs it; platform-api/README.md has
 * its last result). It compiles an app's own sources with javac against the mirror and the libraries of this
 * project's test class path, and looks only at the places where the app uses a type the mirror has: a call, a
 * constructor, a constant, a type named, a class extending or implementing one, a method overriding one, an
 * annotation. Everything else of the app (Jira types the mirror does not have, libraries missing here) fails to
 * compile and is ignored. Since the app compiles against the real Jira, javac's verdict at a use site of a mirrored
 * member is the verdict on the mirror:
 * <ul>
 *   <li><b>consistent</b>: javac resolved the use to the mirror, with every type at the site known, and found nothing
 *       wrong there;</li>
 *   <li><b>mismatch</b>: javac reports an error about the mirrored member itself (no such overload, incompatible
 *       types, an override that overrides nothing, an annotation where the mirror does not allow it, a missing
 *       abstract method ...): the mirror's signature differs from Jira 11's;</li>
 *   <li><b>unchecked</b>: a type at the site is unknown here (a Jira type the mirror does not have), so javac cannot
 *       tell;</li>
 *   <li><b>not mirrored</b>: the app uses a member of a mirrored type that the mirror does not declare (the mirror
 *       keeps only what this app uses): no verdict, listed for the record.</li>
 * </ul>
 * No code of the apps is kept or printed: the report names files, lines, members and javac's messages.
 */
public final class MirrorCheck {

    /** What javac's verdict at one use site means for the mirror. */
    public enum Status { CONSISTENT, MISMATCH, UNCHECKED, NOT_MIRRORED }

    /** How an app uses a mirrored type at one place. */
    public enum Kind { CALL, CONSTRUCTOR, CONSTANT, TYPE, EXTENDS, OVERRIDE, ANNOTATION }

    /** One use of a mirrored type in an app, with javac's verdict. */
    public record Use(Kind kind, String type, String member, String file, long line, Status status, String note) {

        String describe() {
            return kind + " " + type + (member == null ? "" : "#" + member) + " at " + file + ":" + line
                    + (note.isEmpty() ? "" : ": " + note);
        }
    }

    /** The uses found in one app. */
    public record Result(String app, int files, List<Use> uses) {

        public List<Use> with(Status status) {
            return uses.stream().filter(u -> u.status() == status).toList();
        }
    }

    private static final Set<String> MISSING_SYMBOL = Set.of("compiler.err.cant.resolve",
            "compiler.err.cant.resolve.location", "compiler.err.cant.resolve.location.args",
            "compiler.err.doesnt.exist", "compiler.err.cant.access", "compiler.err.cant.resolve.args");

    private final Set<String> mirrored;
    private final List<String> classPath;

    /**
     * @param mirrored  the fully qualified names of the mirror's types
     * @param classPath where javac finds the mirror's classes and the libraries (the apps' own Jira is not here)
     */
    public MirrorCheck(Set<String> mirrored, List<String> classPath) {
        this.mirrored = Set.copyOf(mirrored);
        this.classPath = List.copyOf(classPath);
    }

    /** The type names of a mirror's source tree (one public type per file). */
    public static Set<String> mirroredTypes(Path mirrorSources) throws IOException {
        try (Stream<Path> files = Files.walk(mirrorSources)) {
            Set<String> types = new TreeSet<>();
            files.filter(f -> f.toString().endsWith(".java")).forEach(f -> types.add(
                    mirrorSources.relativize(f).toString().replace(java.io.File.separatorChar, '.')
                            .replaceAll("\\.java$", "")));
            return types;
        }
    }

    /** Compiles the app's Java sources (every .java below {@code sources}) and judges each use of the mirror. */
    public Result check(String app, Path sources) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(sources)) {
            files = walk.filter(f -> f.toString().endsWith(".java")).sorted().toList();
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager fileManager = javac.getStandardFileManager(diagnostics, Locale.ROOT,
                StandardCharsets.UTF_8)) {
            List<String> options = List.of("-proc:none", "-implicit:none", "-Xmaxerrs", "1000000", "-Xmaxwarns", "0",
                    "-nowarn", "--release", "21", "-classpath", String.join(java.io.File.pathSeparator, classPath),
                    // attribute every class, also after errors elsewhere (the app's other Jira types are missing); not FLOW,
                    // which javac cannot run on trees with errors (it fails inside Flow.AssignAnalyzer)
                    "-XDshould-stop.ifError=ATTR");
            JavacTask task = (JavacTask) javac.getTask(null, fileManager, diagnostics, options, null,
                    fileManager.getJavaFileObjectsFromPaths(files));
            Iterable<? extends CompilationUnitTree> units = task.parse();
            task.analyze();
            Trees trees = Trees.instance(task);
            Scanner scanner = new Scanner(trees, task.getElements(), task.getTypes(), sources.toAbsolutePath());
            for (CompilationUnitTree unit : units) {
                scanner.scan(unit, null);
            }
            return new Result(app, files.size(), scanner.judge(diagnostics.getDiagnostics()));
        }
    }

    /** A use site found in the trees, before javac's diagnostics are read. */
    private static final class Site {
        final Kind kind;
        final String type;
        final String member;
        final CompilationUnitTree unit;
        final long start;
        final long end;
        Status status;
        String note = "";

        Site(Kind kind, String type, String member, CompilationUnitTree unit, long start, long end, Status status) {
            this.kind = kind;
            this.type = type;
            this.member = member;
            this.unit = unit;
            this.start = start;
            this.end = end;
            this.status = status;
        }

        boolean contains(long position) {
            return start <= position && position < end;
        }
    }

    private final class Scanner extends TreePathScanner<Void, Void> {

        private final Trees trees;
        private final Elements elements;
        private final Types types;
        private final SourcePositions positions;
        private final Path root;
        private final List<Site> sites = new ArrayList<>();
        /** try statements, for "exception never thrown" diagnostics that sit on the catch, not on the call */
        private final List<long[]> tries = new ArrayList<>();
        private final Map<long[], CompilationUnitTree> tryUnits = new LinkedHashMap<>();

        Scanner(Trees trees, Elements elements, Types types, Path root) {
            this.trees = trees;
            this.elements = elements;
            this.types = types;
            this.positions = trees.getSourcePositions();
            this.root = root;
        }

        private CompilationUnitTree unit() {
            return getCurrentPath().getCompilationUnit();
        }

        private long start(Tree tree) {
            return positions.getStartPosition(unit(), tree);
        }

        private long end(Tree tree) {
            return positions.getEndPosition(unit(), tree);
        }

        private Site add(Kind kind, String type, String member, Tree tree, Status status) {
            Site site = new Site(kind, type, member, unit(), start(tree), end(tree), status);
            sites.add(site);
            return site;
        }

        private boolean isMirrored(Element element) {
            return element instanceof TypeElement type && mirrored.contains(type.getQualifiedName().toString());
        }

        private boolean isError(TypeMirror type) {
            return type == null || type.getKind() == TypeKind.ERROR;
        }

        /** The mirrored types among a type and all its supertypes. */
        private List<TypeElement> mirroredIn(TypeMirror type) {
            List<TypeElement> found = new ArrayList<>();
            collect(type, found, new HashSet<>());
            return found;
        }

        private void collect(TypeMirror type, List<TypeElement> found, Set<String> seen) {
            if (!(type instanceof DeclaredType declared) || isError(type)) {
                return;
            }
            TypeElement element = (TypeElement) declared.asElement();
            if (!seen.add(element.getQualifiedName().toString())) {
                return;
            }
            if (isMirrored(element)) {
                found.add(element);
            }
            for (TypeMirror parent : types.directSupertypes(type)) {
                collect(parent, found, seen);
            }
        }

        /** Whether one of the mirrored types declares (or inherits, inside the mirror) a member of that name. */
        private boolean declares(List<TypeElement> owners, String name, ElementKind kind) {
            for (TypeElement owner : owners) {
                for (Element member : elements.getAllMembers(owner)) {
                    if (member.getKind() == kind && member.getSimpleName().contentEquals(name)
                            && isMirrored(member.getEnclosingElement())) {
                        return true;
                    }
                }
            }
            return false;
        }

        /** Whether javac resolved a call or a method reference to a method of a known type. */
        private boolean resolved(Element method) {
            return method instanceof ExecutableElement executable
                    && executable.getEnclosingElement() instanceof TypeElement
                    && !isError(executable.getReturnType()) && !isError(executable.asType());
        }

        private boolean anyUnknown(List<? extends ExpressionTree> arguments) {
            for (ExpressionTree argument : arguments) {
                if (isError(trees.getTypeMirror(new TreePath(getCurrentPath(), argument)))) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public Void visitMethodInvocation(MethodInvocationTree call, Void unused) {
            Element method = trees.getElement(getCurrentPath());
            ExpressionTree select = call.getMethodSelect();
            String name = select instanceof MemberSelectTree member ? member.getIdentifier().toString()
                    : ((IdentifierTree) select).getName().toString();
            if (name.equals("super") || name.equals("this")) {
                name = "<init>"; // a constructor calling its superclass's (or a sibling) constructor
            }
            boolean unknownArguments = anyUnknown(call.getArguments());
            if (resolved(method) && isMirrored(method.getEnclosingElement())) {
                add(Kind.CALL, owner(method), name, call, unknownArguments ? Status.UNCHECKED : Status.CONSISTENT);
            } else if (!resolved(method)) {
                List<TypeElement> owners;
                if (select instanceof MemberSelectTree member) {
                    TreePath receiver = new TreePath(new TreePath(getCurrentPath(), select), member.getExpression());
                    Element receiverElement = trees.getElement(receiver);
                    owners = receiverElement instanceof TypeElement type && isMirrored(type) ? List.of(type)
                            : mirroredIn(trees.getTypeMirror(receiver));
                } else {
                    owners = enclosingMirrored();
                }
                if (!owners.isEmpty()) {
                    boolean declared = declares(owners, name,
                            name.equals("<init>") ? ElementKind.CONSTRUCTOR : ElementKind.METHOD);
                    if (declared || select instanceof MemberSelectTree) {
                        add(Kind.CALL, owners.get(0).getQualifiedName().toString(), name, call,
                                !declared ? Status.NOT_MIRRORED : unknownArguments ? Status.UNCHECKED
                                        : Status.MISMATCH).note = declared && !unknownArguments
                                ? "no overload of the mirror accepts these argument types" : "";
                    }
                }
            }
            return super.visitMethodInvocation(call, unused);
        }

        @Override
        public Void visitMemberReference(MemberReferenceTree reference, Void unused) {
            String name = reference.getName().toString();
            Element method = trees.getElement(getCurrentPath());
            if (resolved(method)) {
                if (isMirrored(method.getEnclosingElement())) {
                    add(Kind.CALL, owner(method), name, reference, Status.CONSISTENT);
                }
            } else {
                TreePath qualifier = new TreePath(getCurrentPath(), reference.getQualifierExpression());
                Element qualifierElement = trees.getElement(qualifier);
                if (qualifierElement == null && reference.getQualifierExpression() instanceof IdentifierTree named) {
                    qualifierElement = imported(named.getName().toString()); // javac left the reference unattributed
                }
                List<TypeElement> owners = qualifierElement instanceof TypeElement type && isMirrored(type)
                        ? List.of(type) : mirroredIn(trees.getTypeMirror(qualifier));
                if (!owners.isEmpty()) {
                    boolean declared = declares(owners, name, ElementKind.METHOD)
                            || name.equals("new") && declares(owners, "<init>", ElementKind.CONSTRUCTOR);
                    add(Kind.CALL, owners.get(0).getQualifiedName().toString(), name, reference,
                            declared ? Status.UNCHECKED : Status.NOT_MIRRORED).note = declared
                            ? "a method reference javac could not resolve here" : "";
                }
            }
            return super.visitMemberReference(reference, unused);
        }

        /** The mirrored type a simple name is imported as in the current file, or null. */
        private TypeElement imported(String simpleName) {
            for (ImportTree imported : unit().getImports()) {
                String name = imported.getQualifiedIdentifier().toString();
                if (!imported.isStatic() && name.endsWith("." + simpleName) && mirrored.contains(name)) {
                    return elements.getTypeElement(name);
                }
            }
            return null;
        }

        /** The mirrored supertypes of the class the current tree is in. */
        private List<TypeElement> enclosingMirrored() {
            for (TreePath path = getCurrentPath(); path != null; path = path.getParentPath()) {
                if (path.getLeaf() instanceof ClassTree) {
                    Element element = trees.getElement(path);
                    return element == null ? List.of() : mirroredIn(element.asType());
                }
            }
            return List.of();
        }

        @Override
        public Void visitNewClass(NewClassTree creation, Void unused) {
            Element constructor = trees.getElement(getCurrentPath());
            TypeMirror created = trees.getTypeMirror(new TreePath(getCurrentPath(), creation.getIdentifier()));
            if (created instanceof DeclaredType declared && isMirrored(declared.asElement())
                    && creation.getClassBody() == null) {
                boolean resolved = resolved(constructor);
                add(Kind.CONSTRUCTOR, ((TypeElement) declared.asElement()).getQualifiedName().toString(), "<init>",
                        creation, anyUnknown(creation.getArguments()) ? Status.UNCHECKED
                                : resolved ? Status.CONSISTENT : Status.MISMATCH);
            }
            return super.visitNewClass(creation, unused);
        }

        @Override
        public Void visitMemberSelect(MemberSelectTree select, Void unused) {
            referenced(select, select.getIdentifier().toString());
            return super.visitMemberSelect(select, unused);
        }

        @Override
        public Void visitIdentifier(IdentifierTree identifier, Void unused) {
            referenced(identifier, identifier.getName().toString());
            return super.visitIdentifier(identifier, unused);
        }

        /** A type or a constant named by a member select or an identifier (calls are handled above). */
        private void referenced(ExpressionTree tree, String name) {
            Tree parent = getCurrentPath().getParentPath().getLeaf();
            if (parent instanceof MethodInvocationTree call && call.getMethodSelect() == tree) {
                return;
            }
            if (parent instanceof ImportTree || name.equals("class")) {
                return; // an import, or a class literal (X.class names the type, which is counted on its own)
            }
            Element element = trees.getElement(getCurrentPath());
            if (element == null || isError(element.asType())) {
                if (tree instanceof MemberSelectTree select && Character.isUpperCase(name.charAt(0))) {
                    Element owner = trees.getElement(new TreePath(getCurrentPath(), select.getExpression()));
                    if (owner instanceof TypeElement type && isMirrored(type)
                            && !declares(List.of(type), name, ElementKind.FIELD)
                            && !declares(List.of(type), name, ElementKind.ENUM_CONSTANT)) {
                        add(Kind.CONSTANT, type.getQualifiedName().toString(), name, tree, Status.NOT_MIRRORED);
                    }
                }
                return;
            }
            if (isMirrored(element)) {
                add(Kind.TYPE, ((TypeElement) element).getQualifiedName().toString(), null, tree, Status.CONSISTENT);
            } else if ((element.getKind() == ElementKind.FIELD || element.getKind() == ElementKind.ENUM_CONSTANT)
                    && isMirrored(element.getEnclosingElement())) {
                add(Kind.CONSTANT, owner(element), name, tree, Status.CONSISTENT);
            }
        }

        @Override
        public Void visitClass(ClassTree type, Void unused) {
            Element element = trees.getElement(getCurrentPath());
            List<Tree> supertypes = new ArrayList<>();
            if (type.getExtendsClause() != null) {
                supertypes.add(type.getExtendsClause());
            }
            supertypes.addAll(type.getImplementsClause());
            for (Tree supertype : supertypes) {
                Element parent = trees.getElement(new TreePath(getCurrentPath(), supertype));
                if (isMirrored(parent)) {
                    // the class header: where javac reports a missing abstract method or a wrong kind of supertype
                    Tree last = supertypes.get(supertypes.size() - 1);
                    sites.add(new Site(Kind.EXTENDS, ((TypeElement) parent).getQualifiedName().toString(), null,
                            unit(), start(type), end(last), Status.CONSISTENT));
                }
            }
            if (element != null) {
                List<TypeElement> owners = mirroredIn(element.asType());
                owners.remove(element);
                if (!owners.isEmpty()) {
                    for (Tree member : type.getMembers()) {
                        if (member instanceof MethodTree method && overrides(method)) {
                            judgeOverride(method, owners);
                        }
                    }
                }
            }
            return super.visitClass(type, unused);
        }

        private boolean overrides(MethodTree method) {
            return method.getModifiers().getAnnotations().stream()
                    .anyMatch(a -> a.getAnnotationType().toString().endsWith("Override"));
        }

        /** A method marked @Override in a class below a mirrored type: its header is a use of the mirror. */
        private void judgeOverride(MethodTree method, List<TypeElement> owners) {
            String name = method.getName().toString();
            if (!declares(owners, name, ElementKind.METHOD)) {
                return; // overrides something of Jira's (or the JDK's) that the mirror does not have, or the app's own
            }
            TreePath path = new TreePath(getCurrentPath(), method);
            Element element = trees.getElement(path);
            boolean unknown = method.getParameters().stream().anyMatch(p -> isError(
                    trees.getTypeMirror(new TreePath(path, p.getType()))));
            String owner = owners.get(0).getQualifiedName().toString();
            for (TypeElement candidate : owners) {
                if (element instanceof ExecutableElement executable && ElementFilter.methodsIn(
                        candidate.getEnclosedElements()).stream().anyMatch(m -> elements.overrides(executable, m,
                        (TypeElement) executable.getEnclosingElement()))) {
                    owner = candidate.getQualifiedName().toString();
                }
            }
            long end = method.getBody() == null ? positions.getEndPosition(unit(), method)
                    : positions.getStartPosition(unit(), method.getBody());
            sites.add(new Site(Kind.OVERRIDE, owner, name, unit(), positions.getStartPosition(unit(), method), end,
                    unknown ? Status.UNCHECKED : Status.CONSISTENT));
        }

        @Override
        public Void visitAnnotation(AnnotationTree annotation, Void unused) {
            Element type = trees.getElement(new TreePath(getCurrentPath(), annotation.getAnnotationType()));
            if (isMirrored(type)) {
                add(Kind.ANNOTATION, ((TypeElement) type).getQualifiedName().toString(), null, annotation,
                        Status.CONSISTENT);
            }
            return super.visitAnnotation(annotation, unused);
        }

        @Override
        public Void visitTry(TryTree attempt, Void unused) {
            long[] span = {start(attempt), end(attempt)};
            tries.add(span);
            tryUnits.put(span, unit());
            return super.visitTry(attempt, unused);
        }

        private String owner(Element member) {
            return ((TypeElement) member.getEnclosingElement()).getQualifiedName().toString();
        }

        /** Reads javac's errors into the verdicts: each error belongs to the innermost use site around it. */
        List<Use> judge(List<Diagnostic<? extends JavaFileObject>> diagnostics) {
            for (Diagnostic<? extends JavaFileObject> diagnostic : diagnostics) {
                if (diagnostic.getKind() != Diagnostic.Kind.ERROR || diagnostic.getSource() == null) {
                    continue;
                }
                // javac's preferred position: the member's name or the call's parenthesis, not the start of the
                // whole expression (a.b().c() starts where a.b() starts)
                long position = diagnostic.getPosition() >= 0 ? diagnostic.getPosition()
                        : diagnostic.getStartPosition();
                String message = diagnostic.getMessage(Locale.ROOT);
                if ("compiler.err.except.never.thrown.in.try".equals(diagnostic.getCode())) {
                    exceptionNeverThrown(diagnostic, position, message);
                    continue;
                }
                Site site = innermost(diagnostic.getSource(), position, diagnostic.getCode());
                if (site == null || site.status == Status.NOT_MIRRORED) {
                    continue;
                }
                apply(site, diagnostic.getCode(), message);
            }
            List<Use> uses = new ArrayList<>();
            for (Site site : sites) {
                uses.add(new Use(site.kind, site.type, site.member,
                        root.relativize(Path.of(site.unit.getSourceFile().toUri())).toString(),
                        site.unit.getLineMap().getLineNumber(site.start), site.status, site.note));
            }
            uses.sort(Comparator.comparing(Use::file).thenComparingLong(Use::line));
            return uses;
        }

        private void apply(Site site, String code, String message) {
            String firstLine = message.lines().findFirst().orElse("");
            boolean aboutMirror = message.contains(simple(site.type))
                    || site.member != null && message.contains(site.member);
            if (MISSING_SYMBOL.contains(code) && !(aboutMirror && site.kind == Kind.CALL && message.contains(
                    "symbol:   method " + site.member))) {
                if (site.kind == Kind.EXTENDS || site.kind == Kind.OVERRIDE) {
                    return; // an annotation or a type of the header the mirror has nothing to do with
                }
                if (site.status == Status.CONSISTENT) {
                    site.status = Status.UNCHECKED;
                    site.note = "a type at this use is unknown here (" + firstLine + ")";
                }
                return;
            }
            if (aboutMirror || site.kind == Kind.EXTENDS || site.kind == Kind.OVERRIDE
                    || site.kind == Kind.ANNOTATION || code.equals("compiler.err.prob.found.req")) {
                if (site.status != Status.UNCHECKED || !code.equals("compiler.err.prob.found.req")) {
                    site.status = Status.MISMATCH;
                    site.note = code + ": " + firstLine;
                }
            } else if (site.status == Status.CONSISTENT) {
                site.status = Status.UNCHECKED;
                site.note = "an error at this use that does not name the mirror (" + firstLine + ")";
            }
        }

        /** The app catches a checked exception no call in its try block throws: a mirrored call lacks a throws. */
        private void exceptionNeverThrown(Diagnostic<? extends JavaFileObject> diagnostic, long position,
                                          String message) {
            long[] around = null;
            for (long[] span : tries) {
                if (tryUnits.get(span).getSourceFile().toUri().equals(diagnostic.getSource().toUri())
                        && span[0] <= position && position < span[1]
                        && (around == null || span[0] >= around[0])) {
                    around = span;
                }
            }
            if (around == null) {
                return;
            }
            for (Site site : sites) {
                if (site.kind == Kind.CALL && site.unit.getSourceFile().toUri().equals(diagnostic.getSource().toUri())
                        && around[0] <= site.start && site.end <= around[1] && site.status == Status.CONSISTENT) {
                    site.status = Status.MISMATCH;
                    site.note = "compiler.err.except.never.thrown.in.try (in the try around this call): "
                            + message.lines().findFirst().orElse("");
                }
            }
        }

        /**
         * The smallest use site around the position that an error of this kind can concern: a type named is only
         * concerned by errors about its type arguments; other errors there belong to the expression around it.
         */
        private Site innermost(JavaFileObject source, long position, String code) {
            boolean aboutTypeArguments = code.contains("type.args") || code.contains("diamond");
            Site best = null;
            for (Site site : sites) {
                if (site.kind == Kind.TYPE && !aboutTypeArguments) {
                    continue;
                }
                if (site.unit.getSourceFile().toUri().equals(source.toUri()) && site.contains(position)
                        && (best == null || site.end - site.start < best.end - best.start)) {
                    best = site;
                }
            }
            return best;
        }
    }

    private static String simple(String type) {
        return type.substring(type.lastIndexOf('.') + 1);
    }

    /** The report of one app, as scripts/check-mirror prints it. */
    public static void print(Result result, String commit, boolean verbose, PrintStream out) {
        Map<Status, Long> counts = new TreeMap<>();
        Map<Kind, Long> kinds = new TreeMap<>();
        for (Use use : result.uses()) {
            counts.merge(use.status(), 1L, Long::sum);
            kinds.merge(use.kind(), 1L, Long::sum);
        }
        out.println("== " + result.app() + " @ " + commit + ": " + result.files() + " Java files, "
                + result.uses().size() + " use sites of mirrored types " + kinds);
        out.println("   consistent " + counts.getOrDefault(Status.CONSISTENT, 0L) + ", mismatch "
                + counts.getOrDefault(Status.MISMATCH, 0L) + ", unchecked " + counts.getOrDefault(Status.UNCHECKED, 0L)
                + ", member not mirrored " + counts.getOrDefault(Status.NOT_MIRRORED, 0L));
        for (Use use : result.with(Status.MISMATCH)) {
            out.println("   MISMATCH " + use.describe());
        }
        if (verbose) {
            result.with(Status.UNCHECKED).forEach(use -> out.println("   unchecked " + use.describe()));
        }
        Map<String, Integer> notMirrored = new TreeMap<>();
        result.with(Status.NOT_MIRRORED).forEach(u -> notMirrored.merge(u.type() + "#" + u.member(), 1, Integer::sum));
        if (!notMirrored.isEmpty()) {
            out.println("   members used but not mirrored (no verdict): " + notMirrored);
        }
        Map<String, Set<String>> evidence = new TreeMap<>();
        for (Use use : result.uses()) {
            if (use.status() == Status.CONSISTENT) {
                evidence.computeIfAbsent(use.type() + (use.member() == null ? "" : "#" + use.member()),
                        k -> new TreeSet<>()).add(use.file());
            }
        }
        evidence.forEach((member, files) -> out.println("   checked " + member + " in " + files.iterator().next()
                + (files.size() > 1 ? " (+" + (files.size() - 1) + " more)" : "")));
    }

    /**
     * {@code MirrorCheck --mirror DIR [--classpath CP] [--verbose] NAME=SOURCES[@COMMIT]...}; exit status 1 when a mismatch was
     * found. Without {@code --classpath}, javac uses this program's own class path (the project's compiled classes,
     * the mirror among them, and its test libraries).
     */
    public static void main(String[] args) throws IOException {
        Path mirror = null;
        List<String> classPath = List.of(System.getProperty("java.class.path").split(java.io.File.pathSeparator));
        List<String> apps = new ArrayList<>();
        boolean verbose = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--mirror" -> mirror = Path.of(args[++i]);
                case "--classpath" -> classPath = List.of(args[++i].split(java.io.File.pathSeparator));
                case "--verbose" -> verbose = true;
                default -> apps.add(args[i]);
            }
        }
        if (mirror == null || apps.isEmpty()) {
            System.err.println("usage: MirrorCheck --mirror DIR [--classpath CP] [--verbose] NAME=SOURCES[@COMMIT]...");
            System.exit(2);
        }
        MirrorCheck check = new MirrorCheck(mirroredTypes(mirror), classPath);
        int mismatches = 0;
        for (String app : apps) {
            String name = app.substring(0, app.indexOf('='));
            String rest = app.substring(app.indexOf('=') + 1);
            String commit = rest.contains("@") ? rest.substring(rest.lastIndexOf('@') + 1) : "?";
            Path sources = Path.of(rest.contains("@") ? rest.substring(0, rest.lastIndexOf('@')) : rest);
            try {
                Result result = check.check(name, sources);
                print(result, commit, verbose, System.out);
                mismatches += result.with(Status.MISMATCH).size();
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
        }
        System.out.println(mismatches == 0 ? "no mismatch" : mismatches + " mismatches");
        System.exit(mismatches == 0 ? 0 : 1);
    }
}
