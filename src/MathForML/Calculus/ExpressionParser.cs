using System.Globalization;

namespace MathForML.Calculus;

/// <summary>
/// Recursive-descent parser for formulas. Grammar (lowest precedence first; <c>^</c> and <c>**</c> are the same
/// right-associative power, and unary minus binds looser than a power, so <c>-x^2</c> is −(x²) as in textbooks):
/// <code>
/// sum     := product (('+' | '-') product)*
/// product := unary (('*' | '/') unary)*
/// unary   := ('-' | '+') unary | power
/// power   := primary (('^' | '**') unary)?
/// primary := number | constant | variable | function open sum close | open sum close
/// open/close := '(' … ')' or '[' … ']' (they must match)
/// </code>
/// Numbers: <c>12</c>, <c>1.5</c>, <c>.5</c>, <c>1.5E-3</c>; constants <c>pi</c> and <c>e</c>; names start with a letter or
/// <c>_</c> and go on with letters, digits and <c>_</c>. Parsed nodes are kept as written (no simplification), so
/// evaluation follows the formula's own order of operations.
/// </summary>
internal sealed class ExpressionParser
{
    private readonly string _text;
    private readonly HashSet<string>? _allowed;
    private int _pos;
    private int _nesting;

    private ExpressionParser(string text, HashSet<string>? allowed)
    {
        _text = text;
        _allowed = allowed;
    }

    public static Expression Parse(string formula, HashSet<string>? allowedVariables)
    {
        ArgumentNullException.ThrowIfNull(formula);
        var parser = new ExpressionParser(formula, allowedVariables);
        parser.SkipSpace();
        if (parser._pos == formula.Length) throw parser.Error(parser._pos, "the formula is empty");
        var e = parser.ParseSum();
        parser.SkipSpace();
        if (parser._pos < formula.Length)
        {
            char c = formula[parser._pos];
            throw parser.Error(parser._pos, c is ')' or ']' ? $"unmatched '{c}'" : $"expected an operator, found '{c}'");
        }

        // A long chain (x+x+…+x, 13,000 terms) nests as deep as 13,000 brackets once parsed.
        int depth = ExpressionDepth.Of(e);
        if (depth > Expression.MaxDepth)
            throw parser.Error(0, $"the formula nests {depth:N0} operations deep; at most {Expression.MaxDepth:N0} are allowed (split a long chain into parts)");
        return e;
    }

    private ExpressionParseException Error(int position, string problem) => new(_text, position, problem);

    /// <summary>One level deeper (a bracket, a unary sign, an exponent); refuses to go past <see cref="Expression.MaxDepth"/>
    /// so that a hostile formula cannot overflow the stack of this recursive parser.</summary>
    private void Enter(int position)
    {
        if (++_nesting > Expression.MaxDepth)
            throw Error(position, $"brackets, signs and exponents nested more than {Expression.MaxDepth:N0} deep");
    }

    private void SkipSpace()
    {
        while (_pos < _text.Length && char.IsWhiteSpace(_text[_pos])) _pos++;
    }

    private char Peek()
    {
        SkipSpace();
        return _pos < _text.Length ? _text[_pos] : '\0';
    }

    private bool PeekPower() => Peek() == '^' || (_pos + 1 < _text.Length && _text[_pos] == '*' && _text[_pos + 1] == '*');

    private Expression ParseSum()
    {
        var left = ParseProduct();
        while (true)
        {
            char c = Peek();
            if (c == '+') { _pos++; left = new Sum(left, ParseProduct()); }
            else if (c == '-') { _pos++; left = new Difference(left, ParseProduct()); }
            else return left;
        }
    }

    private Expression ParseProduct()
    {
        var left = ParseUnary();
        while (true)
        {
            char c = Peek();
            if (c == '*' && !PeekPower()) { _pos++; left = new Product(left, ParseUnary()); }
            else if (c == '/') { _pos++; left = new Quotient(left, ParseUnary()); }
            else return left;
        }
    }

    private Expression ParseUnary()
    {
        char c = Peek();
        if (c is '-' or '+')
        {
            Enter(_pos);
            _pos++;
            var operand = ParseUnary();
            _nesting--;
            return c == '-' ? new Negation(operand) : operand;
        }

        return ParsePower();
    }

    private Expression ParsePower()
    {
        var b = ParsePrimary();
        if (!PeekPower()) return b;
        Enter(_pos);
        _pos += _text[_pos] == '^' ? 1 : 2;
        var exponent = ParseUnary();
        _nesting--;
        return new Power(b, exponent);
    }

    private Expression ParsePrimary()
    {
        char c = Peek();
        int start = _pos;
        if (c == '\0') throw Error(_pos, "the formula ends where a number, name or '(' was expected");
        if (c is '(' or '[') return ParseGroup();
        if (char.IsAsciiDigit(c) || (c == '.' && _pos + 1 < _text.Length && char.IsAsciiDigit(_text[_pos + 1]))) return ParseNumber();
        if (char.IsAsciiLetter(c) || c == '_')
        {
            while (_pos < _text.Length && (char.IsAsciiLetterOrDigit(_text[_pos]) || _text[_pos] == '_')) _pos++;
            string name = _text[start.._pos];
            char next = Peek();
            if (next is '(' or '[')
            {
                if (!MathFunctions.TryParse(name, out var f))
                    throw Error(start, $"unknown function '{name}' (known: {string.Join(", ", MathFunctions.Names)})");
                return new FunctionCall(f, ParseGroup());
            }
            if (MathFunctions.TryParse(name, out _)) throw Error(_pos, $"function '{name}' needs an argument in ( ) or [ ]");
            if (name == "pi") return new Constant(Math.PI);
            if (name == "e") return new Constant(Math.E);
            if (_allowed is not null && !_allowed.Contains(name))
            {
                var known = _allowed.Count == 0 ? "none" : string.Join(", ", _allowed.Order(StringComparer.Ordinal));
                throw Error(start, $"unknown variable '{name}' (allowed: {known})");
            }
            return new Variable(name);
        }
        if (c is ')' or ']') throw Error(_pos, $"'{c}' where a number, name or '(' was expected");
        throw Error(_pos, c is '+' or '-' or '*' or '/' or '^' ? $"operator '{c}' where a number, name or '(' was expected" : $"unexpected character '{c}'");
    }

    private Expression ParseGroup()
    {
        int open = _pos;
        char close = _text[_pos] == '(' ? ')' : ']';
        Enter(open);
        _pos++;
        if (Peek() == close) throw Error(_pos, $"empty '{_text[open]}{close}'");
        var inner = ParseSum();
        char c = Peek();
        if (c == close)
        {
            _pos++;
            _nesting--;
            return inner;
        }

        if (c == '\0') throw Error(_text.Length, $"missing '{close}' to close the '{_text[open]}' at position {open + 1}");
        if (c is ')' or ']') throw Error(_pos, $"'{c}' does not match the '{_text[open]}' at position {open + 1}");
        throw Error(_pos, $"expected an operator or '{close}', found '{c}'");
    }

    private Expression ParseNumber()
    {
        int start = _pos;
        while (_pos < _text.Length && char.IsAsciiDigit(_text[_pos])) _pos++;
        if (_pos < _text.Length && _text[_pos] == '.')
        {
            _pos++;
            while (_pos < _text.Length && char.IsAsciiDigit(_text[_pos])) _pos++;
        }
        if (_pos < _text.Length && _text[_pos] is 'e' or 'E')
        {
            int save = _pos;
            _pos++;
            if (_pos < _text.Length && _text[_pos] is '+' or '-') _pos++;
            if (_pos < _text.Length && char.IsAsciiDigit(_text[_pos]))
                while (_pos < _text.Length && char.IsAsciiDigit(_text[_pos])) _pos++;
            else _pos = save;
        }
        var span = _text.AsSpan(start, _pos - start);
        if (!double.TryParse(span, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
            throw Error(start, $"'{span}' is not a finite number");
        if (_pos < _text.Length && (char.IsAsciiLetter(_text[_pos]) || _text[_pos] == '_'))
            throw Error(_pos, $"expected an operator after the number '{span}' (write 2*x, not 2x)");
        return new Constant(value);
    }
}
