using MathForML.Calculus;
using MathForML.LinearAlgebra;

namespace MathForML.Optimization;

/// <summary>
/// A model f(xᵢ; b) over a fixed set of N observations, as the least-squares solvers see it: the N model values for given
/// parameters b, and the N×k Jacobian Jᵢⱼ = ∂f(xᵢ; b)/∂bⱼ. The default Jacobian is by central differences; formula
/// models (<see cref="FormulaModel"/>) give the exact symbolic one. Implementations keep scratch buffers: not thread-safe.
/// </summary>
public abstract class RegressionModel
{
    /// <summary>The parameter names, in the order of the parameter vector.</summary>
    public abstract IReadOnlyList<string> ParameterNames { get; }

    /// <summary>The number of observations N.</summary>
    public abstract int Observations { get; }

    /// <summary>Writes f(xᵢ; b) for every observation i into <paramref name="values"/>.</summary>
    public abstract void Evaluate(ReadOnlySpan<double> parameters, Span<double> values);

    /// <summary>Writes Jᵢⱼ = ∂f(xᵢ; b)/∂bⱼ into <paramref name="jacobian"/> (N×k); by default by central differences.</summary>
    public virtual void Jacobian(ReadOnlySpan<double> parameters, Matrix jacobian)
    {
        int n = Observations, k = ParameterNames.Count;
        var b = parameters.ToArray();
        var up = new double[n];
        var down = new double[n];
        for (int j = 0; j < k; j++)
        {
            double bj = b[j], h = (bj + FiniteDifferences.FirstStep * Math.Max(Math.Abs(bj), 1)) - bj;
            b[j] = bj + h;
            Evaluate(b, up);
            b[j] = bj - h;
            Evaluate(b, down);
            b[j] = bj;
            for (int i = 0; i < n; i++) jacobian[i, j] = (up[i] - down[i]) / (2 * h);
        }
    }

    /// <summary>A model from code: <paramref name="f"/>(xᵢ, b) at each predictor row xᵢ of <paramref name="x"/>, with a finite-difference Jacobian.</summary>
    public static RegressionModel FromDelegate(Func<double[], double[], double> f, Matrix x, IReadOnlyList<string> parameterNames) =>
        new DelegateModel(f, x, parameterNames);

    private sealed class DelegateModel(Func<double[], double[], double> f, Matrix x, IReadOnlyList<string> names) : RegressionModel
    {
        private readonly double[][] _rows = x.ToRowArrays();

        public override IReadOnlyList<string> ParameterNames => names;

        public override int Observations => _rows.Length;

        public override void Evaluate(ReadOnlySpan<double> parameters, Span<double> values)
        {
            var b = parameters.ToArray();
            for (int i = 0; i < _rows.Length; i++) values[i] = f(_rows[i], b);
        }
    }
}

/// <summary>
/// A model given as a formula in predictors (x or x1, x2, …) and parameters (b1 … bk), compiled to delegates for its value
/// and for each symbolic partial derivative ∂f/∂bⱼ, so the Jacobian is exact to rounding (no step size to choose).
/// </summary>
public sealed class FormulaModel : RegressionModel
{
    private readonly Func<double[], double> _value;
    private readonly Func<double[], double>[] _gradient;
    private readonly Matrix _predictors;
    private readonly string[] _parameters;
    private readonly double[] _slots;

    /// <summary>
    /// Builds the model: <paramref name="predictors"/> holds one row per observation and one column per name in
    /// <paramref name="predictorNames"/>.
    /// </summary>
    /// <param name="formula">f in the predictors and parameters.</param>
    /// <param name="predictorNames">The predictor names, one per column of <paramref name="predictors"/>.</param>
    /// <param name="predictors">N×d predictor values.</param>
    /// <param name="parameterNames">The parameters b.</param>
    /// <param name="predictorCorrections">
    /// Optional N×d rounding errors of the predictors (exact decimal value − double value), when the data were read
    /// from decimal text; the extended-precision polish of <see cref="NonlinearLeastSquares"/> uses them.
    /// </param>
    /// <exception cref="ArgumentException">The formula uses a name that is neither a predictor nor a parameter.</exception>
    public FormulaModel(Expression formula, IReadOnlyList<string> predictorNames, Matrix predictors, IReadOnlyList<string> parameterNames,
        Matrix? predictorCorrections = null)
    {
        if (predictorCorrections is not null && (predictorCorrections.Rows != predictors.Rows || predictorCorrections.Columns != predictors.Columns))
            throw new DimensionMismatchException("The predictor corrections must have the predictors' shape.", nameof(predictorCorrections));
        PredictorCorrections = predictorCorrections;
        PredictorNames = [.. predictorNames];
        if (predictors.Columns != predictorNames.Count)
            throw new DimensionMismatchException($"The data has {predictors.Columns} predictor columns for {predictorNames.Count} predictor names.", nameof(predictors));
        Formula = formula;
        _predictors = predictors;
        _parameters = [.. parameterNames];
        var slots = predictorNames.Concat(parameterNames).ToArray();
        var unknown = formula.Variables.Where(v => !slots.Contains(v)).ToArray();
        if (unknown.Length > 0)
            throw new ArgumentException($"unknown variable '{unknown[0]}' in the model: it is neither a predictor ({string.Join(", ", predictorNames)}) nor a parameter ({string.Join(", ", parameterNames)}).", nameof(formula));
        _value = formula.Compile(slots);
        Derivatives = parameterNames.Select(p => formula.Differentiate(p)).ToArray();
        _gradient = Derivatives.Select(d => d.Compile(slots)).ToArray();
        _slots = new double[slots.Length];
    }

    /// <summary>The model formula.</summary>
    public Expression Formula { get; }

    /// <summary>The predictor names.</summary>
    public IReadOnlyList<string> PredictorNames { get; }

    /// <summary>The N×d predictor values.</summary>
    public Matrix Predictors => _predictors;

    /// <summary>The predictors' rounding errors, if known.</summary>
    public Matrix? PredictorCorrections { get; }

    /// <summary>∂f/∂bⱼ, simplified.</summary>
    public IReadOnlyList<Expression> Derivatives { get; }

    /// <inheritdoc/>
    public override IReadOnlyList<string> ParameterNames => _parameters;

    /// <inheritdoc/>
    public override int Observations => _predictors.Rows;

    /// <inheritdoc/>
    public override void Evaluate(ReadOnlySpan<double> parameters, Span<double> values)
    {
        int d = _predictors.Columns;
        parameters.CopyTo(_slots.AsSpan(d));
        for (int i = 0; i < _predictors.Rows; i++)
        {
            _predictors.RowSpan(i).CopyTo(_slots);
            values[i] = _value(_slots);
        }
    }

    /// <inheritdoc/>
    public override void Jacobian(ReadOnlySpan<double> parameters, Matrix jacobian)
    {
        int d = _predictors.Columns;
        parameters.CopyTo(_slots.AsSpan(d));
        for (int i = 0; i < _predictors.Rows; i++)
        {
            _predictors.RowSpan(i).CopyTo(_slots);
            var row = jacobian.RowSpan(i);
            for (int j = 0; j < _gradient.Length; j++) row[j] = _gradient[j](_slots);
        }
    }
}
