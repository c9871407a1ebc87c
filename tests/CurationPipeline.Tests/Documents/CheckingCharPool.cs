using System.Buffers;

namespace CurationPipeline.Tests.Documents;

/// <summary>
/// A char pool that catches misuse of rented text: every rental is a fresh array, a return of an array that is not out (twice,
/// or never rented here) throws, and a returned array is filled with <see cref="Poison"/>, so a reader that is still using it
/// sees garbage instead of the page (what a real pool's next renter would cause, silently).
/// </summary>
internal sealed class CheckingCharPool : ArrayPool<char>
{
    public const char Poison = '\u2620';

    private readonly HashSet<char[]> _out = new(ReferenceEqualityComparer.Instance);

    /// <summary>Arrays rented and not yet returned.</summary>
    public int Outstanding
    {
        get
        {
            lock (_out)
            {
                return _out.Count;
            }
        }
    }

    /// <summary>Arrays rented so far.</summary>
    public int Rented { get; private set; }

    public override char[] Rent(int minimumLength)
    {
        char[] array = new char[minimumLength];
        lock (_out)
        {
            _out.Add(array);
            Rented++;
        }

        return array;
    }

    public override void Return(char[] array, bool clearArray = false)
    {
        lock (_out)
        {
            if (!_out.Remove(array))
            {
                throw new InvalidOperationException("An array was returned that is not out: returned twice, or not rented here.");
            }
        }

        Array.Fill(array, Poison);
    }
}
