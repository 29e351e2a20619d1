namespace MathForML.Tests.Cli;

/// <summary>Bad input to <c>mml calc</c> and <c>mml fit</c>: exit 2 with one line on stderr naming the problem.</summary>
public class CalcBadInputTests
{
    public static TheoryData<string, string[], string> Cases => new()
    {
        { "formula does not parse", ["calc", "diff", "b1*(x", "--wrt", "x"], "position 6: missing ')'" },
        { "implicit product", ["calc", "diff", "2x", "--wrt", "x"], "position 2" },
        { "unknown function", ["calc", "grad", "foo(x) + y"], "unknown function 'foo'" },
        { "missing --wrt", ["calc", "diff", "x^2"], "--wrt" },
        { "bad order", ["calc", "diff", "x^2", "--wrt", "x", "--order", "-1"], "--order must be" },
        { "taylor needs --wrt", ["calc", "taylor", "x*y", "--at", "1"], "choose one with --wrt" },
        { "taylor at a pole", ["calc", "taylor", "1/x", "--at", "0"], "not finite" },
        { "newton start missing a variable", ["calc", "newton", "x^2 + y^2 - 1; x - y", "--start", "x=1"], "no start value for 'y'" },
        { "newton start unknown variable", ["calc", "newton", "x^2 - 2", "--start", "z=1"], "'z' is not a variable" },
        { "newton division by zero at start", ["calc", "newton", "1/x - 2", "--start", "0"], "not finite at the start" },
        { "newton equation count", ["calc", "newton", "x + y", "--start", "x=1,y=1"], "as many equations as unknowns" },
        { "secant two variables", ["calc", "secant", "x*y", "--x0", "1"], "one variable" },
        { "secant equal starts", ["calc", "secant", "x^2 - 2", "--x0", "1", "--x1", "1"], "--x1: The two starting points must differ" },
        { "secant zero tolerance", ["calc", "secant", "x^2 - 2", "--x0", "1", "--tol", "0"], "--tol" },
        { "secant pole at the start", ["calc", "secant", "1/x", "--x0", "0"], "not finite" },
        { "lagrange constraint not a formula", ["calc", "lagrange", "x + y", "--constraint", "x^2 + = 1", "--start", "1,1"], "position 7" },
        { "lagrange constraint without variable", ["calc", "lagrange", "x + y", "--constraint", "3 = 1", "--start", "1,1"], "--constraint: the constraint '3 = 1' has no variable" },
        { "lagrange two equals signs", ["calc", "lagrange", "x + y", "--constraint", "x = y = 1", "--start", "1,1"], "several '='" },
        { "lagrange short start", ["calc", "lagrange", "x + y", "--constraint", "x^2 + y^2 = 1", "--start", "1"], "--start has 1 values" },
        { "lagrange missing constraint", ["calc", "lagrange", "x + y", "--start", "1,1"], "--constraint" },
        { "minimize bad method", ["calc", "minimize", "x^2", "--start", "1", "--method", "sgd"], "sgd" },
        { "minimize bad start number", ["calc", "minimize", "x^2", "--start", "x=abc"], "'abc' for x is not a finite number" },
        { "13,000 nested brackets", ["calc", "diff", new string('(', 13_000) + "x" + new string(')', 13_000), "--wrt", "x"], "nested more than 1,000 deep" },
        { "nested sin", ["calc", "diff", string.Concat(Enumerable.Repeat("sin(", 5_000)) + "x" + new string(')', 5_000), "--wrt", "x"], "nested more than 1,000 deep" },
        { "a chain of 3,000 terms", ["calc", "grad", string.Join("+", Enumerable.Repeat("x", 3_000))], "nests 3,000 operations deep" },
        { "fit model nested too deep", ["fit", "--data", "{dir}/data.csv", "--model", new string('(', 13_000) + "b1*x" + new string(')', 13_000), "--start", "b1=1"], "nested more than 1,000 deep" },
        { "derivative too large", ["calc", "diff", "x^x^x^x^x", "--wrt", "x", "--order", "10"], "Derivative 5 has more than 20,000 terms and operations" },
        { "sandpit click outside", ["calc", "sandpit", "--click", "6.5,1"], "--click: (6.5, 1) is outside the sandpit" },
        { "sandpit click not two numbers", ["calc", "sandpit", "--click", "1;2"], "--click: '1;2' should be x,y" },
        { "sandpit click three numbers", ["calc", "sandpit", "--click", "1,2,3"], "should be x,y" },
        { "sandpit bad landscape", ["calc", "sandpit", "--landscape", "beach"], "--landscape must be one of intro, depth-only" },
        { "sandpit no games", ["calc", "sandpit", "--games", "0"], "--games must be at least 1" },
        { "sandpit bad gamma", ["calc", "sandpit", "--click", "1,1", "--gamma", "-0.5"], "--gamma: γ must be a positive number" },
        { "sandpit strategy in jacobian mode", ["calc", "sandpit", "--click", "1,1", "--mode", "jacobian", "--strategy", "newton"], "apply to steepest-descent mode" },
        { "sandpit random limit without hybrid", ["calc", "sandpit", "--click", "1,1", "--random-limit"], "--random-limit applies to --strategy hybrid" },
        { "sandpit seed too big", ["calc", "sandpit", "--seed", "4294967296"], "--seed must be between 0 and 4294967295" },
        { "sandpit plot into a missing folder", ["calc", "sandpit", "--plot", "{dir}/no/such/sandpit.png"], "does not exist" },
        { "fit formula does not parse", ["fit", "--data", "{dir}/data.csv", "--model", "b1*exp(-b2*x", "--start", "b1=1,b2=1"], "position 13" },
        { "fit unknown variable", ["fit", "--data", "{dir}/data.csv", "--model", "b1*exp(-b2*z)", "--start", "b1=1,b2=1"], "unknown variable 'z'" },
        { "fit unknown function", ["fit", "--data", "{dir}/data.csv", "--model", "b1*expp(-b2*x)", "--start", "b1=1,b2=1"], "unknown function 'expp'" },
        { "fit division by zero at start", ["fit", "--data", "{dir}/data.csv", "--model", "b1/(x - b2)", "--start", "b1=1,b2=2"], "division by zero" },
        { "fit too few data points", ["fit", "--data", "{dir}/three.csv", "--model", "b1 + b2*x + b3*x^2", "--start", "b1=0,b2=0,b3=0"], "too few data points: 3 observations for 3 parameters" },
        { "fit missing x column", ["fit", "--data", "{dir}/data.csv", "--model", "b1*x", "--start", "b1=1", "--x", "5"], "has 2 column(s)" },
        { "fit missing named column", ["fit", "--data", "{dir}/named.csv", "--model", "b1*x", "--start", "b1=1", "--y", "weight"], "no such column" },
        { "fit one column only", ["fit", "--data", "{dir}/one.csv", "--model", "b1*x", "--start", "b1=1"], "only 1 column" },
        { "fit ragged data", ["fit", "--data", "{dir}/ragged.csv", "--model", "b1*x", "--start", "b1=1"], "ragged.csv:2:1" },
        { "fit missing file", ["fit", "--data", "{dir}/missing.csv", "--model", "b1*x", "--start", "b1=1"], "file not found" },
        { "fit missing model", ["fit", "--data", "{dir}/data.csv", "--start", "b1=1"], "--model is required" },
        { "fit missing start", ["fit", "--data", "{dir}/data.csv", "--model", "b1*x"], "--start is required" },
        { "fit start not name=value", ["fit", "--data", "{dir}/data.csv", "--model", "b1*x", "--start", "1"], "should be name=value" },
        { "fit unused parameter", ["fit", "--data", "{dir}/data.csv", "--model", "b1*x", "--start", "b1=1,b2=3"], "does not use" },
        { "fit bad method", ["fit", "--data", "{dir}/data.csv", "--model", "b1*x", "--start", "b1=1", "--method", "newton"], "newton" },
        { "fit bad aggression", ["fit", "--data", "{dir}/data.csv", "--model", "b1*x", "--start", "b1=1", "--aggression", "0"], "--aggression: The aggression must be a positive number" },
        { "fit nist with columns", ["fit", "--data", "{nist}", "--x", "1"], "do not apply to a NIST" },
        { "fit nist bad start", ["fit", "--data", "{nist}", "--start", "3"], "should be name=value" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void ExitsTwoWithOneLine(string what, string[] args, string expected)
    {
        using var dir = new TempDirectory();
        dir.Write("data.csv", "1,2.1\n2,3.9\n3,6.2\n4,7.8\n5,10.1\n");
        dir.Write("three.csv", "1,2\n2,3\n3,5\n");
        dir.Write("named.csv", "height,age\n1,2\n2,3\n3,5\n");
        dir.Write("one.csv", "1\n2\n3\n");
        dir.Write("ragged.csv", "1,2\n3\n");
        var nist = ReferenceData.PathOf("nist-strd", "Misra1a.dat");
        CliRunner.AssertBadInput(dir, args, expected, what, new Dictionary<string, string> { ["{nist}"] = nist });
    }
}
