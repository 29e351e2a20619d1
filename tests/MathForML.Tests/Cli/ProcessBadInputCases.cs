using Case = MathForML.Tests.Cli.ProcessBadInputTests.Case;

namespace MathForML.Tests.Cli;

/// <summary>The table of <see cref="ProcessBadInputTests"/>: every command and subcommand of <c>mml</c>.</summary>
internal static class ProcessBadInputCases
{
    /// <summary>The bad files tried where every kind matters less than that the slot is checked at all.</summary>
    private static readonly string[] FewBadFiles = ["missing.csv", "folder.csv", "garbage.csv"];

    public static IEnumerable<Case> All() =>
        FileSlots().Concat(Linalg()).Concat(PageRank()).Concat(Calc()).Concat(Fit()).Concat(Nn()).Concat(Pca()).Concat(Knn()).Concat(Stats()).Concat(Geometry()).Concat(DataAndTour());

    private static Case C(string what, string expected, params string[] args) => new(what, expected, args);

    /// <summary>
    /// Every matrix or data file argument, each given a few bad files as a process, and the slots marked All every other
    /// kind of bad file in-process: the same readers and the same code below <c>Program</c>'s one line, without 81
    /// process start-ups that check nothing the process runs of the same slots do not.
    /// </summary>
    private static IEnumerable<Case> FileSlots()
    {
        var slots = new (string Name, bool All, Func<string, string[]> Args)[]
        {
            ("linalg rank", true, f => ["linalg", "rank", f]),
            ("linalg rref", false, f => ["linalg", "rref", f, "--out", "{out}/r.csv"]),
            ("linalg det", false, f => ["linalg", "det", f]),
            ("linalg inverse", false, f => ["linalg", "inverse", f, "--out", "{out}/inv.csv"]),
            ("linalg solve A", false, f => ["linalg", "solve", f, "{in}/b2.csv", "--out", "{out}/x.csv"]),
            ("linalg solve b", true, f => ["linalg", "solve", "{in}/square.csv", f, "--out", "{out}/x.csv"]),
            ("linalg singular", false, f => ["linalg", "singular", f]),
            ("linalg gram-schmidt", false, f => ["linalg", "gram-schmidt", f, "--out", "{out}/q.csv"]),
            ("linalg eig", false, f => ["linalg", "eig", f]),
            ("linalg svd", false, f => ["linalg", "svd", f]),
            ("linalg reflect mirror", false, f => ["linalg", "reflect", "--mirror", f, "--points", "{in}/b2.csv", "--out", "{out}/p.csv"]),
            ("linalg reflect points", false, f => ["linalg", "reflect", "--mirror", "{in}/square.csv", "--points", f, "--out", "{out}/p.csv"]),
            ("pagerank links", true, f => ["pagerank", "--links", f, "--out", "{out}/ranks.csv", "--plot", "{out}/ranks.png"]),
            ("pagerank personalization", false, f => ["pagerank", "--edges", "{in}/edges.txt", "--personalization", f, "--out", "{out}/ranks.csv"]),
            ("fit data", false, f => ["fit", "--data", f, "--model", "b1*x", "--start", "b1=1"]),
            ("nn train data", true, f => ["nn", "train", "--data", f, "--epochs", "1", "--save", "{out}/m.json", "--plot", "{out}/plots"]),
            ("nn train labels", false, f => ["nn", "train", "--data", "{in}/nn-features.csv", "--labels", f, "--epochs", "1", "--save", "{out}/m.json"]),
            ("nn eval data", false, f => ["nn", "eval", "--model", "{in}/model.json", "--data", f]),
            ("pca data", true, f => ["pca", "--data", f, "--plots", "{out}/plots"]),
            ("pca labels", false, f => ["pca", "--data", "{in}/pca.csv", "--labels", f, "--plots", "{out}/plots"]),
            ("knn train", false, f => ["knn", "--train", f, "--labels", "{in}/labels4.csv", "--test", "{in}/test.csv"]),
            ("knn labels", true, f => ["knn", "--train", "{in}/train.csv", "--labels", f, "--test", "{in}/test.csv"]),
            ("knn test", false, f => ["knn", "--train", "{in}/train.csv", "--labels", "{in}/labels4.csv", "--test", f]),
            ("knn test labels", false, f => ["knn", "--train", "{in}/train.csv", "--labels", "{in}/labels4.csv", "--test", "{in}/test.csv", "--test-labels", f]),
            ("data info", true, f => ["data", "info", f]),
            ("stats mean", true, f => ["stats", "mean", f, "--out", "{out}/mu.npy"]),
            ("stats cov", false, f => ["stats", "cov", f, "--out", "{out}/s.csv"]),
            ("geometry distance inner product", false, f => ["geometry", "distance", "--a", "1,2", "--b", "2,1", "--inner-product", f]),
            ("geometry similar data", true, f => ["geometry", "similar", "--data", f, "--row", "0"]),
            ("geometry project data", false, f => ["geometry", "project", "--data", f, "--onto-line", "1,1", "--out", "{out}/p.csv"]),
            ("geometry project basis", false, f => ["geometry", "project", "--vector", "1,2", "--basis", f, "--out", "{out}/p.csv"]),
            ("pca data with output files", false, f => ["pca", "--data", f, "--out-mean", "{out}/mu.npy", "--out-components", "{out}/b.npy", "--out-reconstruction", "{out}/r.npy"]),
        };
        foreach (var (name, all, args) in slots)
            foreach (var (file, expected) in ProcessBadInputFiles.BadFiles)
                if (FewBadFiles.Contains(file))
                    yield return new Case($"{name}: {file}", expected, args("{in}/" + file));
                else if (all)
                    yield return new Case($"{name}: {file}", expected, args("{in}/" + file), InProcess: true);
    }

    private static IEnumerable<Case> Linalg() =>
    [
        C("det of a non-square matrix", "square matrix, found 2×3", "linalg", "det", "{in}/wide.csv"),
        C("inverse of a non-square matrix", "square matrix", "linalg", "inverse", "{in}/wide.csv", "--out", "{out}/inv.csv"),
        C("inverse of a singular matrix", "singular", "linalg", "inverse", "{in}/singular.csv", "--out", "{out}/inv.csv"),
        C("solve with a singular matrix", "singular", "linalg", "solve", "{in}/singular.csv", "{in}/b2.csv", "--out", "{out}/x.csv"),
        C("solve with a mismatched b", "b: Right-hand side has 3 rows", "linalg", "solve", "{in}/square.csv", "{in}/b3.csv", "--out", "{out}/x.csv"),
        C("solve with a non-square A", "square", "linalg", "solve", "{in}/wide.csv", "{in}/b2.csv"),
        C("eig of a non-square matrix", "square", "linalg", "eig", "{in}/wide.csv"),
        C("eig --symmetric of a non-symmetric matrix", "symmetric", "linalg", "eig", "{in}/nonsym.csv", "--symmetric"),
        C("rref negative tolerance", "--tol", "linalg", "rref", "{in}/square.csv", "--tol", "-1"),
        C("gram-schmidt non-numeric tolerance", "abc", "linalg", "gram-schmidt", "{in}/square.csv", "--tol", "abc"),
        C("gram-schmidt negative tolerance", "--tol: The tolerance must be a finite number ≥ 0", "linalg", "gram-schmidt", "{in}/square.csv", "--tol", "-1"),
        C("reflect points of the wrong height", "Points must have 2 rows", "linalg", "reflect", "--mirror", "{in}/square.csv", "--points", "{in}/b3.csv", "--out", "{out}/p.csv"),
        C("reflect dependent mirror", "dependent columns", "linalg", "reflect", "--mirror", "{in}/singular.csv", "--points", "{in}/b2.csv"),
        C("reflect without --points", "--points", "linalg", "reflect", "--mirror", "{in}/square.csv"),
        C("linalg unknown subcommand", "transmogrify", "linalg", "transmogrify"),
        C("linalg unknown option", "--frobnicate", "linalg", "rank", "--frobnicate", "{in}/square.csv"),
        C("linalg missing argument", "Required argument missing", "linalg", "solve", "{in}/square.csv"),
        C("linalg extra argument", "Unrecognized command or argument", "linalg", "rank", "{in}/square.csv", "{in}/b2.csv"),
        C("linalg --out into a missing folder", "does not exist", "linalg", "inverse", "{in}/square.csv", "--out", "{out}/no/such/inv.csv"),
        C("linalg --out is a folder", "is a directory", "linalg", "inverse", "{in}/square.csv", "--out", "{in}/folder.csv"),
        C("big-endian .npy", "big-endian", "linalg", "rank", "{in}/bigendian.npy"),
        C("truncated .npz member", "truncated.npz: member 'a.npy'", "linalg", "rank", "{in}/truncated.npz"),
        C(".npz of two arrays without a name", "two.npz: the .npz archive holds 2 arrays (a, b); name one as two.npz:a", "linalg", "rank", "{in}/two.npz"),
        C(".npz without the named array", "two.npz: the .npz archive has no array 'c' (it holds a, b)", "linalg", "rank", "{in}/two.npz:c"),
        C("corrupt .npz", "corrupt.npz: not a readable .npz (ZIP) archive", "linalg", "rank", "{in}/corrupt.npz"),
        C("truncated .parquet", "truncated.parquet: not a readable Parquet file", "linalg", "inverse", "{in}/truncated.parquet", "--out", "{out}/inv.parquet"),
        C(".parquet with a string column", "strings.parquet: column 'name' is of type string, not a number", "linalg", "inverse", "{in}/strings.parquet", "--out", "{out}/inv.parquet"),
        C(".arrow with a string column", "strings.arrow: column 'name' is of type utf8, not a number", "pca", "--data", "{in}/strings.arrow", "--plots", "{out}/plots"),
        C("--out with an unknown extension", "inv.xlsx: unknown extension '.xlsx' for a matrix file: use one of .csv", "linalg", "inverse", "{in}/square.csv", "--out", "{out}/inv.xlsx"),
        C("missing value in a pandas CSV", "pandas.csv:4:23: empty cell: a missing value", "linalg", "rank", "{in}/pandas.csv", "--index-col", "0"),
        C("--index-col negative", "--index-col must be a 0-based column number", "linalg", "rank", "{in}/pandas.csv", "--index-col", "-1"),
        C("--out - with --json", "--out -: standard output holds the --json document", "--json", "linalg", "inverse", "{in}/square.csv", "--out", "-"),
        C("--scale unknown for nn", "--scale must be one of auto, none, 255, got '7'", "nn", "train", "--data", "{in}/square.csv", "--scale", "7"),
        C("--missing unknown", "--missing must be one of error, drop, got 'skip'", "linalg", "rank", "{in}/pandas.csv", "--missing", "skip"),
    ];

    private static IEnumerable<Case> PageRank()
    {
        string[] edges = ["pagerank", "--edges", "{in}/edges.txt", "--out", "{out}/ranks.csv"];
        return
        [
            C("pagerank without a graph", "give exactly one of", "pagerank"),
            C("pagerank with two graphs", "give exactly one of", "pagerank", "--links", "{in}/links.csv", "--edges", "{in}/edges.txt"),
            C("pagerank damping 2", "--damping", [.. edges, "--damping", "2"]),
            C("pagerank damping negative", "--damping", [.. edges, "--damping", "-0.1"]),
            C("pagerank damping not a number", "zero", [.. edges, "--damping", "zero"]),
            C("pagerank tol 0", "--tol: The tolerance must be a positive number", [.. edges, "--tol", "0"]),
            C("pagerank max-iter 0", "--max-iter: The iteration limit must be at least 1", [.. edges, "--max-iter", "0"]),
            C("pagerank top negative", "--top must not be negative", [.. edges, "--top", "-1"]),
            C("pagerank nodes negative", "--nodes: ", [.. edges, "--nodes", "-1"]),
            C("pagerank nodes above the array limit", "node count must be between", [.. edges, "--nodes", "2147483647"]),
            C("pagerank nodes too few", "not below the node count 1", [.. edges, "--nodes", "1"]),
            C("pagerank rmat -1", "--rmat: ", "pagerank", "--rmat", "-1"),
            C("pagerank rmat 99", "--rmat: ", "pagerank", "--rmat", "99"),
            C("pagerank edge factor 0", "--edge-factor: ", "pagerank", "--rmat", "4", "--edge-factor", "0"),
            C("pagerank internet 0", "--internet: ", "pagerank", "--internet", "0"),
            C("pagerank internet huge", "--internet: ", "pagerank", "--internet", "99999999"),
            C("pagerank normalize with edges", "--normalize applies to --links only", [.. edges, "--normalize"]),
            C("pagerank seed with edges", "--seed applies", [.. edges, "--seed", "3"]),
            C("pagerank edge factor with internet", "--edge-factor applies to --rmat only", "pagerank", "--internet", "5", "--edge-factor", "3"),
            C("pagerank personalization with links", "--personalization applies", "pagerank", "--links", "{in}/links.csv", "--personalization", "{in}/b2.csv"),
            C("pagerank nodes with links", "--nodes applies to --edges only", "pagerank", "--links", "{in}/links.csv", "--nodes", "2"),
            C("pagerank personalization of the wrong length", "personalization", [.. edges, "--personalization", "{in}/personalization3.csv"]),
            C("pagerank non-square links", "square", "pagerank", "--links", "{in}/wide.csv"),
            C("pagerank negative links", "negative", "pagerank", "--links", "{in}/negative-links.csv"),
            C("pagerank edge list with a word", "bad-edges.txt:2:3: 'x' is not a node id", "pagerank", "--edges", "{in}/bad-edges.txt"),
            C("pagerank edge list with a negative id", "negative-edges.txt:2:1: negative node id", "pagerank", "--edges", "{in}/negative-edges.txt"),
            C("pagerank edge list with three values", "three-edges.txt:1:1: expected 'source target'", "pagerank", "--edges", "{in}/three-edges.txt"),
            C("pagerank text edge list with a huge id", "sparse-edges.txt: node id 2000000000", "pagerank", "--edges", "{in}/sparse-edges.txt"),
            C("pagerank binary edge list of 7 bytes", "odd.bin: binary edge list has 7 bytes", "pagerank", "--edges", "{in}/odd.bin"),
            C("pagerank binary edge list with a negative id", "negative.bin: edge 0 (byte offset 0) has a negative node id", "pagerank", "--edges", "{in}/negative.bin"),
            C("pagerank binary edge list with a huge id", "sparse.bin: node id 2147483646", "pagerank", "--edges", "{in}/sparse.bin"),
            C("pagerank missing edge list", "missing.txt: file not found", "pagerank", "--edges", "{in}/missing.txt"),
            C("pagerank missing binary edge list", "missing.bin: file not found", "pagerank", "--edges", "{in}/missing.bin"),
            C("pagerank edge list is a folder", "is a directory", "pagerank", "--edges", "{in}/folder.csv"),
            C("pagerank plot into a missing folder", "does not exist", [.. edges, "--plot", "{out}/no/such/plot.png"]),
            C("pagerank out is a folder", "is a directory", "pagerank", "--edges", "{in}/edges.txt", "--out", "{in}/folder.csv"),
            C("pagerank unknown option", "--frobnicate", [.. edges, "--frobnicate"]),
        ];
    }

    private static IEnumerable<Case> Calc() =>
    [
        C("calc diff unfinished formula", "x+", "calc", "diff", "x+", "--wrt", "x"),
        C("calc diff unclosed parenthesis", "missing ')'", "calc", "diff", "sin(x", "--wrt", "x"),
        C("calc diff dangling power", "position", "calc", "diff", "x**", "--wrt", "x"),
        C("calc diff unknown function", "unknown function 'foo'", "calc", "diff", "foo(x)", "--wrt", "x"),
        C("calc diff without --wrt", "--wrt", "calc", "diff", "x^2"),
        C("calc diff negative order", "--order must be", "calc", "diff", "x^2", "--wrt", "x", "--order", "-1"),
        C("calc diff order not a number", "abc", "calc", "diff", "x^2", "--wrt", "x", "--order", "abc"),
        C("calc grad empty formula", "empty", "calc", "grad", ""),
        C("calc grad unknown function", "unknown function 'foo'", "calc", "grad", "foo(x) + y"),
        C("calc hessian unclosed parenthesis", "missing ')'", "calc", "hessian", "x*(y"),
        C("calc hessian stray character", "position", "calc", "hessian", "x $ y"),
        C("calc taylor without --wrt", "choose one with --wrt", "calc", "taylor", "x*y", "--at", "1"),
        C("calc taylor at a pole", "not finite", "calc", "taylor", "1/x", "--at", "0"),
        C("calc taylor negative order", "--order", "calc", "taylor", "x^2", "--order", "-1"),
        C("calc taylor at not a number", "abc", "calc", "taylor", "x^2", "--at", "abc"),
        C("calc newton without --start", "--start", "calc", "newton", "x^2-2"),
        C("calc newton start not a number", "abc", "calc", "newton", "x^2-2", "--start", "abc"),
        C("calc newton start of an unknown variable", "'z' is not a variable", "calc", "newton", "x^2 - 2", "--start", "z=1"),
        C("calc newton equation count", "as many equations as unknowns", "calc", "newton", "x + y", "--start", "x=1,y=1"),
        C("calc newton negative tolerance", "--tol", "calc", "newton", "x^2-2", "--start", "1", "--tol", "-1"),
        C("calc newton max-iter 0", "--max-iter", "calc", "newton", "x^2-2", "--start", "1", "--max-iter", "0"),
        C("calc minimize unknown method", "sgd", "calc", "minimize", "x^2", "--start", "1", "--method", "sgd"),
        C("calc minimize negative step", "--step", "calc", "minimize", "x^2", "--start", "1", "--step", "-1"),
        C("calc minimize max-iter 0", "--max-iter", "calc", "minimize", "x^2", "--start", "1", "--max-iter", "0"),
        C("calc minimize bad start", "'abc' for x is not a finite number", "calc", "minimize", "x^2", "--start", "x=abc"),
        C("calc unknown subcommand", "integrate", "calc", "integrate", "x"),
        C("calc unknown option", "--frobnicate", "calc", "diff", "x", "--wrt", "x", "--frobnicate"),
    ];

    private static IEnumerable<Case> Fit()
    {
        string[] fit = ["fit", "--data", "{in}/fit.csv"];
        return
        [
            C("fit NIST file without a model", "no 'Model:' section", "fit", "--data", "{in}/no-model.dat"),
            C("fit missing NIST file", "missing.dat: file not found", "fit", "--data", "{in}/missing.dat"),
            C("fit without --model", "--model is required", [.. fit, "--start", "b1=1"]),
            C("fit without --start", "--start is required", [.. fit, "--model", "b1*x"]),
            C("fit unparsable model", "missing ')'", [.. fit, "--model", "b1*(x", "--start", "b1=1"]),
            C("fit unknown variable", "unknown variable 'z'", [.. fit, "--model", "b1*z", "--start", "b1=1"]),
            C("fit start not name=value", "should be name=value", [.. fit, "--model", "b1*x", "--start", "1"]),
            C("fit start not a number", "abc", [.. fit, "--model", "b1*x", "--start", "b1=abc"]),
            C("fit unknown method", "newton", [.. fit, "--model", "b1*x", "--start", "b1=1", "--method", "newton"]),
            C("fit aggression 0", "--aggression: The aggression must be a positive number", [.. fit, "--model", "b1*x", "--start", "b1=1", "--aggression", "0"]),
            C("fit x column out of range", "has 2 column(s)", [.. fit, "--model", "b1*x", "--start", "b1=1", "--x", "5"]),
            C("fit y column unknown", "no such column", [.. fit, "--model", "b1*x", "--start", "b1=1", "--y", "weight"]),
            C("fit max-iter 0", "--max-iter", [.. fit, "--model", "b1*x", "--start", "b1=1", "--max-iter", "0"]),
            C("fit unknown option", "--frobnicate", [.. fit, "--model", "b1*x", "--start", "b1=1", "--frobnicate"]),
        ];
    }

    private static IEnumerable<Case> Nn()
    {
        string[] train = ["nn", "train", "--data", "{in}/nn.csv", "--epochs", "1", "--save", "{out}/m.json", "--plot", "{out}/plots"];
        return
        [
            C("nn train zero-size layer", "--layers", [.. train, "--layers", "2,0,2"]),
            C("nn train layers not numbers", "--layers", [.. train, "--layers", "two,three"]),
            C("nn train layers of the wrong input size", "2 features", [.. train, "--layers", "3,4,2"]),
            C("nn train unknown activation", "softplus", [.. train, "--activation", "softplus"]),
            C("nn train epochs 0", "--epochs", [.. train, "--epochs", "0"]),
            C("nn train batch 0", "--batch", [.. train, "--batch", "0"]),
            C("nn train negative learning rate", "--lr", [.. train, "--lr", "-1"]),
            C("nn train unknown optimizer", "rmsprop", [.. train, "--optimizer", "rmsprop"]),
            C("nn train momentum 1", "--momentum", [.. train, "--momentum", "1"]),
            C("nn train test fraction 1.5", "--test-fraction", [.. train, "--test-fraction", "1.5"]),
            C("nn train negative augment", "--augment", [.. train, "--augment", "-1"]),
            C("nn train fractional class label", "nn-fraction.csv", "nn", "train", "--data", "{in}/nn-fraction.csv", "--epochs", "1", "--save", "{out}/m.json"),
            C("nn train label count", "labels3.csv", "nn", "train", "--data", "{in}/nn-features.csv", "--labels", "{in}/labels3.csv", "--epochs", "1", "--save", "{out}/m.json"),
            C("nn train save into a missing folder", "does not exist", "nn", "train", "--data", "{in}/nn.csv", "--epochs", "1", "--save", "{out}/no/such/m.json"),
            C("nn train plot folder is a file", "not-a-folder.txt", "nn", "train", "--data", "{in}/nn.csv", "--epochs", "1", "--plot", "{in}/not-a-folder.txt"),
            C("nn train save fine but plot folder is a file", "not-a-folder.txt", "nn", "train", "--data", "{in}/nn.csv", "--epochs", "1", "--save", "{out}/m.json", "--plot", "{in}/not-a-folder.txt"),
            C("nn eval missing model", "missing.json: file not found", "nn", "eval", "--model", "{in}/missing.json", "--data", "{in}/nn.csv"),
            C("nn eval model is a folder", "is a directory", "nn", "eval", "--model", "{in}/folder.csv", "--data", "{in}/nn.csv"),
            C("nn eval broken model", "broken-model.json", "nn", "eval", "--model", "{in}/broken-model.json", "--data", "{in}/nn.csv"),
            C("nn eval not a model", "not a MathForML model", "nn", "eval", "--model", "{in}/alien-model.json", "--data", "{in}/nn.csv"),
            C("nn eval garbage model", "garbage.csv", "nn", "eval", "--model", "{in}/garbage.csv", "--data", "{in}/nn.csv"),
            C("nn eval features do not fit the model", "2 inputs", "nn", "eval", "--model", "{in}/model.json", "--data", "{in}/wide-nn.csv"),
            C("nn eval without --model", "--model", "nn", "eval", "--data", "{in}/nn.csv"),
            C("nn unknown subcommand", "predict", "nn", "predict"),
            C("nn train unknown option", "--frobnicate", [.. train, "--frobnicate"]),
        ];
    }

    private static IEnumerable<Case> Pca()
    {
        string[] pca = ["pca", "--data", "{in}/pca.csv", "--plots", "{out}/plots"];
        return
        [
            C("pca K = 0", "--components: The number of components K must be between 1 and ", [.. pca, "--components", "0"]),
            C("pca K negative", "--components: The number of components K must be between 1 and ", [.. pca, "--components", "-1"]),
            C("pca K too large", "--components: The number of components K must be between 1 and ", [.. pca, "--components", "99"]),
            C("pca unknown solver", "magic", [.. pca, "--solver", "magic"]),
            C("pca label count", "holds 3 labels but", [.. pca, "--labels", "{in}/labels3.csv"]),
            C("pca fractional label", "label 1 is 1.5, expected a non-negative integer", [.. pca, "--labels", "{in}/labels-frac.csv"]),
            C("pca labels as a matrix", "labels must be one column or one row", [.. pca, "--labels", "{in}/labels-matrix.csv"]),
            C("pca plots folder is a file", "not-a-folder.txt", "pca", "--data", "{in}/pca.csv", "--plots", "{in}/not-a-folder.txt"),
            C("pca seed not a number", "abc", [.. pca, "--seed", "abc"]),
            C("pca gzip IDX with a huge header", "huge-idx3-ubyte.gz: truncated", "pca", "--data", "{in}/huge-idx3-ubyte.gz"),
            C("pca bad IDX magic", "bad magic number", "pca", "--data", "{in}/magic-idx3-ubyte"),
            C("pca unknown scale", "--scale must be one of auto, none, 255, got '256'", [.. pca, "--scale", "256"]),
            C("pca unknown option", "--frobnicate", [.. pca, "--frobnicate"]),
        ];
    }

    private static IEnumerable<Case> Knn()
    {
        string[] knn = ["knn", "--train", "{in}/train.csv", "--labels", "{in}/labels4.csv", "--test", "{in}/test.csv"];
        return
        [
            C("knn k 0", "--k", [.. knn, "--k", "0"]),
            C("knn k negative", "--k", [.. knn, "--k", "-1"]),
            C("knn k above N", "--k", [.. knn, "--k", "99"]),
            C("knn label count", "--labels: There are 3 labels for", "knn", "--train", "{in}/train.csv", "--labels", "{in}/labels3.csv", "--test", "{in}/test.csv"),
            C("knn fractional label", "expected a non-negative integer", "knn", "--train", "{in}/train.csv", "--labels", "{in}/labels-frac.csv", "--test", "{in}/test.csv"),
            C("knn test of another dimension", "3", "knn", "--train", "{in}/train.csv", "--labels", "{in}/labels4.csv", "--test", "{in}/test3d.csv"),
            C("knn test label count", "labels3.csv", [.. knn, "--test-labels", "{in}/labels3.csv"]),
            C("knn IDX images and labels disagree", "--labels: There are 2 labels for 3 training samples.", "knn", "--train", "{in}/images-idx3-ubyte", "--labels", "{in}/labels-idx1-ubyte", "--test", "{in}/test.csv"),
            C("knn without --train", "--train", "knn", "--labels", "{in}/labels4.csv", "--test", "{in}/test.csv"),
            C("knn unknown option", "--frobnicate", [.. knn, "--frobnicate"]),
        ];
    }

    private static IEnumerable<Case> Stats() =>
    [
        C("stats cov ddof N", "--ddof: ddof must be between 0 and N − 1 = 1", "stats", "cov", "{in}/square.csv", "--ddof", "2", "--out", "{out}/s.npy"),
        C("stats cov ddof not a number", "one", "stats", "cov", "{in}/square.csv", "--ddof", "one"),
        C("stats mean out with an unknown extension", "unknown extension '.xlsx'", "stats", "mean", "{in}/square.csv", "--out", "{out}/mu.xlsx"),
        C("stats mean out into a missing folder", "does not exist", "stats", "mean", "{in}/square.csv", "--out", "{out}/no/such/mu.npy"),
        C("stats mean without a file", "Required argument missing", "stats", "mean"),
        C("stats unknown subcommand", "median", "stats", "median", "{in}/square.csv"),
        C("stats unknown option", "--frobnicate", "stats", "mean", "{in}/square.csv", "--frobnicate"),
    ];

    private static IEnumerable<Case> Geometry() =>
    [
        C("geometry vectors of different lengths", "--a has 2 elements and --b 3", "geometry", "distance", "--a", "1,2", "--b", "1,2,3"),
        C("geometry word in a vector", "--b: 'y' in '1,y' is not a finite number", "geometry", "angle", "--a", "1,2", "--b", "1,y"),
        C("geometry empty vector", "--a: no numbers in ','", "geometry", "distance", "--a", ",", "--b", "1"),
        C("geometry without --b", "--b", "geometry", "distance", "--a", "1,2"),
        C("geometry inner product not symmetric", "--inner-product: An inner product needs a symmetric matrix", "geometry", "distance", "--a", "1,2", "--b", "2,1", "--inner-product", "{in}/nonsym.csv"),
        C("geometry inner product not positive definite", "positive definite", "geometry", "angle", "--a", "1,0", "--b", "0,1", "--inner", "{in}/singular.csv"),
        C("geometry inner product not square", "--inner-product: an inner product needs a square matrix, found 2×3", "geometry", "angle", "--a", "1,0", "--b", "0,1", "--inner", "{in}/wide.csv"),
        C("geometry angle with the zero vector", "--b: The angle with the zero vector is undefined", "geometry", "angle", "--a", "1,1", "--b", "0,0"),
        C("geometry similar row out of range", "--row 4 is out of range: ", "geometry", "similar", "--data", "{in}/pca.csv", "--row", "4"),
        C("geometry similar without row or query", "give exactly one of --row", "geometry", "similar", "--data", "{in}/pca.csv"),
        C("geometry similar k 0", "--k: k must be between 1 and", "geometry", "similar", "--data", "{in}/pca.csv", "--row", "0", "--k", "0"),
        C("geometry similar query of another length", "--query has 2 elements but the rows of", "geometry", "similar", "--data", "{in}/pca.csv", "--query", "1,2"),
        C("geometry project dependent basis", "--basis: BᵀB is singular: the columns of B are linearly dependent", "geometry", "project", "--vector", "1,2", "--basis", "{in}/singular.csv", "--out", "{out}/p.csv"),
        C("geometry project zero line", "--onto-line: b is the zero vector", "geometry", "project", "--data", "{in}/square.csv", "--onto-line", "0,0", "--out", "{out}/p.csv"),
        C("geometry project line of another length", "--onto-line spans a subspace of ℝ^3", "geometry", "project", "--vector", "1,2", "--onto-line", "1,1,1"),
        C("geometry project out with an unknown extension", "unknown extension '.xlsx'", "geometry", "project", "--vector", "1,2", "--onto-line", "1,1", "--out", "{out}/p.xlsx"),
        C("geometry unknown subcommand", "rotate", "geometry", "rotate"),
        C("geometry unknown option", "--frobnicate", "geometry", "distance", "--a", "1", "--b", "2", "--frobnicate"),
        C("pca course layout without a components file", "--course-layout arranges the file of --out-components", "pca", "--data", "{in}/pca.csv", "--course-layout"),
        C("pca components file with an unknown extension", "unknown extension '.xlsx'", "pca", "--data", "{in}/pca.csv", "--out-mean", "{out}/mu.npy", "--out-components", "{out}/b.xlsx"),
        C("pca reconstruction into a missing folder", "does not exist", "pca", "--data", "{in}/pca.csv", "--out-mean", "{out}/mu.npy", "--out-reconstruction", "{out}/no/such/r.npy"),
        C("pca mean file is a folder", "is a directory", "pca", "--data", "{in}/pca.csv", "--out-mean", "{in}/folder.csv"),
    ];

    private static IEnumerable<Case> DataAndTour() =>
    [
        C("data fetch unknown data set", "cifar", "data", "fetch", "cifar"),
        C("data fetch without a name", "Required argument missing", "data", "fetch"),
        C("data info without a file", "Required argument missing", "data", "info"),
        C("data info bad IDX magic", "bad magic number", "data", "info", "{in}/magic-idx3-ubyte"),
        C("data info gzip IDX with a huge header", "huge-idx3-ubyte.gz: truncated", "data", "info", "{in}/huge-idx3-ubyte.gz"),
        C("data info big-endian .npy", "big-endian", "data", "info", "{in}/bigendian.npy"),
        C("data unknown subcommand", "frobnicate", "data", "frobnicate"),
        C("tour unknown option", "--frobnicate", "tour", "--frobnicate"),
        C("tour extra argument", "Unrecognized command or argument", "tour", "now"),
        C("unknown command", "frobnicate", "frobnicate"),
        C("unknown root option", "--frobnicate", "--frobnicate"),
    ];
}
