using System.Reflection;
using System.Xml.Linq;
using MathForML.LinearAlgebra;
using Xunit.Abstractions;

namespace MathForML.Tests.Reliability;

/// <summary>
/// Every public static method and constructor of the core library whose parameters can be made here (matrices,
/// vectors, numbers, arrays, flags, enums, tokens), and every method of <see cref="Matrix"/> and <see cref="Vector"/>
/// (with a hostile matrix or vector as the instance too), is called with each parameter in turn replaced by a hostile value —
/// 0×0, 1×1 and mismatched matrices, empty and mismatched vectors, NaN, ±∞, 1e300, negative and huge integers — the
/// others kept ordinary. The outcome must be a result or an exception the method documents (its XML
/// <c>&lt;exception cref&gt;</c> list, or the <see cref="ArgumentException"/> family, which every entry point uses for
/// bad arguments); an IndexOutOfRange, NullReference, Overflow, InvalidCast or out-of-memory failure, or a call still
/// running after 10 s, is a finding (issue 21, "Library").
/// </summary>
public class PublicApiSweepTests(ITestOutputHelper log)
{
    private static readonly TimeSpan CallLimit = TimeSpan.FromSeconds(10);

    [Fact]
    public void EveryEntryPointAnswersHostileArgumentsAsDocumented()
    {
        var assembly = typeof(Matrix).Assembly;
        var documented = DocumentedExceptions(assembly);
        var findings = new List<string>();
        int calls = 0, entryPoints = 0;
        foreach (var method in EntryPoints(assembly))
        {
            entryPoints++;
            var parameters = method.GetParameters();
            // Position −1 is the instance itself (methods of Matrix and Vector): a hostile matrix or vector as "this".
            for (int p = method.IsStatic || method is ConstructorInfo ? 0 : -1; p < parameters.Length; p++)
            {
                var hostileValues = p < 0 ? Hostile(method.DeclaringType!).Where(h => h.Value is not null) : Hostile(parameters[p].ParameterType);
                foreach (var hostile in hostileValues)
                {
                    var args = parameters.Select((q, i) => i == p ? hostile.Value : Ordinary(q)).ToArray();
                    object? target = method.IsStatic || method is ConstructorInfo ? null : p < 0 ? hostile.Value : Ordinary(method.DeclaringType!);
                    calls++;
                    var outcome = Call(method, target, args);
                    if (outcome is null) continue;
                    if (outcome is TimeoutException)
                    {
                        findings.Add($"{Name(method)} with {(p < 0 ? "this" : parameters[p].Name)} = {hostile.Label}: still running after {CallLimit.TotalSeconds} s");
                        continue;
                    }

                    if (outcome is ArgumentException || IsDocumented(outcome, method, documented)) continue;
                    findings.Add($"{Name(method)} with {(p < 0 ? "this" : parameters[p].Name)} = {hostile.Label}: {outcome.GetType().Name}: {outcome.Message}");
                }
            }
        }

        log.WriteLine($"{entryPoints} entry points, {calls} calls, {findings.Count} findings");
        foreach (var f in findings) log.WriteLine(f);
        Assert.True(findings.Count == 0, $"{findings.Count} of {calls} calls ended otherwise than documented:\n{string.Join('\n', findings)}");
    }

    private sealed record HostileValue(string Label, object? Value);

    private static IEnumerable<MethodBase> EntryPoints(Assembly assembly)
    {
        foreach (var type in assembly.GetExportedTypes().Where(t => !t.IsGenericTypeDefinition && !t.IsInterface && !typeof(Delegate).IsAssignableFrom(t)))
        {
            IEnumerable<MethodBase> members = type.GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly)
                .Where(m => !m.IsSpecialName && !m.IsGenericMethodDefinition);
            if (!type.IsAbstract) members = members.Concat(type.GetConstructors());
            if (type == typeof(Matrix) || type == typeof(Vector))   // the types every user calls methods on
                members = members.Concat(type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
                    .Where(m => !m.IsSpecialName && !m.IsGenericMethodDefinition && !m.ReturnType.IsByRefLike   // spans cannot be returned through reflection
                        && m.Name is not ("Equals" or "GetHashCode" or "ToString" or "GetEnumerator")));
            foreach (var m in members)
                if ((m.GetParameters().Length > 0 || !m.IsStatic) && m.GetParameters().All(q => Supported(q.ParameterType))) yield return m;
        }
    }

    private static bool Supported(Type t)
    {
        t = Nullable.GetUnderlyingType(t) ?? t;
        return t == typeof(Matrix) || t == typeof(Vector) || t == typeof(double) || t == typeof(int) || t == typeof(long) || t == typeof(bool)
            || t == typeof(double[]) || t == typeof(int[]) || t == typeof(IReadOnlyList<double>) || t == typeof(CancellationToken) || t.IsEnum
            || t == typeof(ulong) || t == typeof(uint);
    }

    private static object? Ordinary(ParameterInfo q) =>
        q.HasDefaultValue && q.ParameterType != typeof(CancellationToken) ? q.DefaultValue : Ordinary(q.ParameterType);

    private static object? Ordinary(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        if (t == typeof(Matrix)) return Matrix.FromRows([4, 1, 0], [1, 3, 1], [0, 1, 2]);
        if (t == typeof(Vector)) return Vector.Of(1, 2, 3);
        if (t == typeof(double)) return 0.5;
        if (t == typeof(int)) return 2;
        if (t == typeof(long)) return 2L;
        if (t == typeof(ulong)) return 2UL;
        if (t == typeof(uint)) return 2U;
        if (t == typeof(bool)) return false;
        if (t == typeof(double[]) || t == typeof(IReadOnlyList<double>)) return new double[] { 0.25, 0.5, 0.25 };
        if (t == typeof(int[])) return new[] { 0, 1, 2 };
        if (t == typeof(CancellationToken)) return CancellationToken.None;
        if (t.IsEnum) return Enum.GetValues(t).GetValue(0);
        throw new InvalidOperationException(t.Name);
    }

    private static IEnumerable<HostileValue> Hostile(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        if (t == typeof(Matrix))
        {
            yield return new("0×0", new Matrix(0, 0));
            yield return new("1×1", Matrix.FromRows([5]));
            yield return new("2×3", Matrix.FromRows([1, 2, 3], [4, 5, 6]));
            yield return new("NaN", Matrix.FromRows([4, 1, 0], [1, double.NaN, 1], [0, 1, 2]));
            yield return new("∞", Matrix.FromRows([4, 1, 0], [1, double.PositiveInfinity, 1], [0, 1, 2]));
            yield return new("1e300", Matrix.FromRows([4e300, 1e300, 0], [1e300, 3e300, 1e300], [0, 1e300, 2e300]));
            yield return new("zero", new Matrix(3, 3));
        }
        else if (t == typeof(Vector))
        {
            yield return new("empty", new Vector(0));
            yield return new("length 5", Vector.Of(1, 2, 3, 4, 5));
            yield return new("NaN", Vector.Of(1, double.NaN, 3));
            yield return new("∞", Vector.Of(1, double.PositiveInfinity, 3));
        }
        else if (t == typeof(double))
        {
            foreach (var v in new[] { double.NaN, double.PositiveInfinity, double.NegativeInfinity, -1.0, 0.0, 1e300 }) yield return new(v.ToString(System.Globalization.CultureInfo.InvariantCulture), v);
        }
        else if (t == typeof(int))
        {
            foreach (var v in new[] { 0, -1, int.MaxValue }) yield return new(v.ToString(System.Globalization.CultureInfo.InvariantCulture), v);
        }
        else if (t == typeof(long))
        {
            foreach (var v in new[] { -1L, long.MaxValue }) yield return new(v.ToString(System.Globalization.CultureInfo.InvariantCulture), v);
        }
        else if (t == typeof(double[]) || t == typeof(IReadOnlyList<double>))
        {
            yield return new("[]", Array.Empty<double>());
            yield return new("[NaN]", new[] { double.NaN, 0.5, 0.5 });
            yield return new("length 5", new[] { 0.2, 0.2, 0.2, 0.2, 0.2 });
        }
        else if (t == typeof(int[]))
        {
            yield return new("[]", Array.Empty<int>());
            yield return new("[-1]", new[] { -1, 0, 1 });
            yield return new("[MaxValue]", new[] { int.MaxValue, 0, 1 });
        }
        else if (t.IsEnum)
        {
            yield return new("(enum)99", Enum.ToObject(t, 99));
        }
        else if (t == typeof(CancellationToken))
        {
            yield return new("cancelled", new CancellationToken(true));
        }

        if (!type.IsValueType || Nullable.GetUnderlyingType(type) is not null) yield return new("null", null);
    }

    /// <summary>Null when the call returned; its exception; a TimeoutException when it ran past the limit.</summary>
    private static Exception? Call(MethodBase method, object? target, object?[] args)
    {
        Exception? thrown = null;
        var thread = new Thread(() =>
        {
            try
            {
                if (method is ConstructorInfo c) c.Invoke(args);
                else method.Invoke(target, args);
            }
            catch (TargetInvocationException e)
            {
                thrown = e.InnerException ?? e;
            }
            catch (Exception e)
            {
                thrown = e;
            }
        }, 16 << 20)
        { IsBackground = true };
        thread.Start();
        return thread.Join(CallLimit) ? thrown : new TimeoutException();
    }

    private static bool IsDocumented(Exception e, MethodBase method, Dictionary<string, HashSet<string>> documented)
    {
        if (e is OperationCanceledException) return true;   // a cancelled token: every entry point that takes one may throw it
        if (!documented.TryGetValue(DocId(method), out var types)) return false;
        for (var t = e.GetType(); t is not null; t = t.BaseType)
            if (types.Contains(t.FullName!) || types.Contains(t.Name)) return true;
        return false;
    }

    private static Dictionary<string, HashSet<string>> DocumentedExceptions(Assembly assembly)
    {
        var path = Path.ChangeExtension(assembly.Location, ".xml");
        var result = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var member in XDocument.Load(path).Descendants("member"))
        {
            var set = member.Elements("exception").Select(x => ((string?)x.Attribute("cref") ?? "").Replace("T:", "", StringComparison.Ordinal)).ToHashSet(StringComparer.Ordinal);
            if (set.Count > 0) result[(string)member.Attribute("name")!] = set;
        }

        return result;
    }

    /// <summary>The XML documentation id of a method (M:Namespace.Type.Name(ParamTypes)).</summary>
    private static string DocId(MethodBase m)
    {
        string name = m is ConstructorInfo ? "#ctor" : m.Name;
        var ps = m.GetParameters().Select(q => TypeId(q.ParameterType)).ToArray();
        return $"M:{m.DeclaringType!.FullName}.{name}" + (ps.Length > 0 ? $"({string.Join(',', ps)})" : "");
    }

    private static string TypeId(Type t)
    {
        if (t.IsArray) return TypeId(t.GetElementType()!) + "[]";
        if (t.IsGenericType)
        {
            var def = t.GetGenericTypeDefinition().FullName!;
            return def[..def.IndexOf('`', StringComparison.Ordinal)] + "{" + string.Join(',', t.GetGenericArguments().Select(TypeId)) + "}";
        }

        return t.FullName!;
    }

    private static string Name(MethodBase m) => $"{m.DeclaringType!.Name}.{(m is ConstructorInfo ? "new" : m.Name)}({string.Join(", ", m.GetParameters().Select(q => q.ParameterType.Name))})";
}
