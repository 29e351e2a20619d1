using System.Numerics;
using System.Numerics.Tensors;

namespace MathForML.NeuralNetworks;

/// <summary>
/// Each activation's forward map and, beside it, its backward map (the chain rule through it), on a batch stored
/// row-major with one sample a row. Vectorised with <see cref="TensorPrimitives"/>.
/// </summary>
internal static class ActivationFunctions
{
    /// <summary>a = f(z), in place, for <paramref name="rows"/> samples of <paramref name="width"/> outputs.</summary>
    public static void Forward<T>(Activation f, Span<T> z, int rows, int width)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        switch (f)
        {
            case Activation.Identity: break;
            case Activation.Sigmoid: TensorPrimitives.Sigmoid<T>(z, z); break;
            case Activation.Tanh: TensorPrimitives.Tanh<T>(z, z); break;
            case Activation.Relu: TensorPrimitives.Max(z, T.Zero, z); break;
            case Activation.Softmax:
                for (int r = 0; r < rows; r++)
                {
                    var row = z.Slice(r * width, width);
                    TensorPrimitives.Subtract(row, TensorPrimitives.Max<T>(row), row);   // shift for stability
                    TensorPrimitives.Exp<T>(row, row);
                    TensorPrimitives.Divide(row, TensorPrimitives.Sum<T>(row), row);
                }
                break;
            default: throw new ArgumentOutOfRangeException(nameof(f), f, "Unknown activation.");
        }
    }

    /// <summary>
    /// ∂L/∂z from ∂L/∂a, in place in <paramref name="gradient"/>, given the layer's output a = f(z).
    /// </summary>
    public static void Backward<T>(Activation f, ReadOnlySpan<T> a, Span<T> gradient, int rows, int width)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        switch (f)
        {
            case Activation.Identity: break;
            case Activation.Sigmoid:
                for (int i = 0; i < a.Length; i++) gradient[i] *= a[i] * (T.One - a[i]);
                break;
            case Activation.Tanh:
                for (int i = 0; i < a.Length; i++) gradient[i] *= T.One - (a[i] * a[i]);
                break;
            case Activation.Relu:
                for (int i = 0; i < a.Length; i++) if (a[i] <= T.Zero) gradient[i] = T.Zero;
                break;
            case Activation.Softmax:
                // dz_i = a_i (g_i − Σ_j a_j g_j), row by row.
                for (int r = 0; r < rows; r++)
                {
                    var ar = a.Slice(r * width, width);
                    var gr = gradient.Slice(r * width, width);
                    T dot = TensorPrimitives.Dot(ar, gr);
                    TensorPrimitives.Subtract(gr, dot, gr);
                    TensorPrimitives.Multiply(gr, ar, gr);
                }
                break;
            default: throw new ArgumentOutOfRangeException(nameof(f), f, "Unknown activation.");
        }
    }
}
