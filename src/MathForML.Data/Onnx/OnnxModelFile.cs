using MathForML.NeuralNetworks;

namespace MathForML.Data.Onnx;

/// <summary>
/// Exports a trained float32 <see cref="Mlp{T}"/> as an ONNX model, so it runs in ONNX Runtime, ML.NET, a browser or
/// any other ONNX consumer. Each dense layer becomes <c>MatMul(X, W)</c> then <c>Add(·, b)</c> (W stored inputs ×
/// outputs, as the layer holds it: Z = X·W + b with samples as rows), then its activation (<c>Sigmoid</c>,
/// <c>Tanh</c>, <c>Relu</c>, <c>Softmax</c> over axis 1, or nothing for the identity). The graph's input is
/// <c>input</c>, float[N, D] with a free batch dimension N; its output <c>output</c>, float[N, K], is what
/// <see cref="Mlp{T}.Forward"/> returns (class probabilities for a softmax classifier).
/// </summary>
/// <remarks>
/// Written with the wire format directly (<see cref="ProtobufWriter"/>), IR version 8 and the default operator set 13.
/// Field numbers from onnx/onnx.proto (ModelProto, GraphProto, NodeProto, TensorProto, ValueInfoProto, TypeProto,
/// TensorShapeProto, AttributeProto, OperatorSetIdProto).
/// </remarks>
public static class OnnxModelFile
{
    private const long IrVersion = 8;
    private const long OpsetVersion = 13;
    private const int FloatType = 1;   // TensorProto.DataType.FLOAT
    private const int IntAttribute = 2; // AttributeProto.AttributeType.INT

    /// <summary>Writes <paramref name="network"/> to <paramref name="path"/> as ONNX (atomically).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="network"/> is null.</exception>
    public static void Save(string path, Mlp<float> network)
    {
        ArgumentNullException.ThrowIfNull(network);
        var bytes = Serialize(network);
        AtomicFile.Write(path, s => s.Write(bytes));
    }

    /// <summary>The ONNX ModelProto of <paramref name="network"/>.</summary>
    public static byte[] Serialize(Mlp<float> network)
    {
        ArgumentNullException.ThrowIfNull(network);
        return new ProtobufWriter()
            .Varint(1, IrVersion)
            .String(2, "MathForML")
            .String(3, typeof(OnnxModelFile).Assembly.GetName().Version?.ToString() ?? "1.0")
            .Message(7, graph => Graph(graph, network))
            .Message(8, opset => opset.String(1, "").Varint(2, OpsetVersion))
            .ToArray();
    }

    private static void Graph(ProtobufWriter graph, Mlp<float> network)
    {
        string current = "input";
        for (int i = 0; i < network.Layers.Count; i++)
        {
            var layer = network.Layers[i];
            string weights = $"W{i}", biases = $"b{i}", product = $"matmul{i}", sum = $"z{i}";
            bool last = i == network.Layers.Count - 1;
            string activated = last ? "output" : $"a{i}";
            Node(graph, "MatMul", [current, weights], product);
            string? op = layer.Activation switch
            {
                Activation.Sigmoid => "Sigmoid",
                Activation.Tanh => "Tanh",
                Activation.Relu => "Relu",
                Activation.Softmax => "Softmax",
                _ => null,
            };
            Node(graph, "Add", [product, biases], op is null ? activated : sum);
            if (op is not null) Node(graph, op, [sum], activated, axis: op == "Softmax" ? 1 : null);
            current = activated;
            Initializer(graph, weights, [layer.Inputs, layer.Outputs], layer.Weights);
            Initializer(graph, biases, [layer.Outputs], layer.Biases);
        }

        graph.String(2, "mlp");
        Value(graph, 11, "input", network.Inputs);
        Value(graph, 12, "output", network.Outputs);
    }

    private static void Node(ProtobufWriter graph, string op, string[] inputs, string output, int? axis = null) =>
        graph.Message(1, node =>
        {
            foreach (var input in inputs) node.String(1, input);
            node.String(2, output).String(3, $"{op}_{output}").String(4, op);
            if (axis is { } a) node.Message(5, attribute => attribute.String(1, "axis").Varint(3, a).Varint(20, IntAttribute));
        });

    private static void Initializer(ProtobufWriter graph, string name, int[] dims, float[] values) =>
        graph.Message(5, tensor =>
        {
            foreach (int d in dims) tensor.Varint(1, d);
            tensor.Varint(2, FloatType).String(8, name).Floats(9, values);
        });

    /// <summary>A graph input (field 11) or output (field 12): float[N, width] with N free.</summary>
    private static void Value(ProtobufWriter graph, int field, string name, int width) =>
        graph.Message(field, value => value.String(1, name).Message(2, type => type.Message(1, tensor => tensor
            .Varint(1, FloatType)
            .Message(2, shape => shape
                .Message(1, dim => dim.String(2, "N"))
                .Message(1, dim => dim.Varint(1, width))))));
}
