using System.IO.Hashing;

namespace Iso.Images;

/// <summary>
/// A read-only view of a file's first <see cref="Length"/> bytes that feeds every byte read to
/// a 128-bit XXH3 hash, so that a file is hashed while TarWriter copies it into the archive.
/// </summary>
/// <remarks>
/// The stream reports <see cref="CanSeek"/> as true without supporting seeks, because
/// TarWriter (.NET 10) buffers a whole unseekable data stream in memory to learn its size, but
/// takes <see cref="Length"/> minus <see cref="Position"/> from a seekable one. The length is
/// fixed when the stream is created, so a file that grows while it is read is cut at that
/// length and one that shrinks raises <see cref="IOException"/>. Either way the header's size
/// matches the bytes written.
/// </remarks>
internal sealed class BuildContextHashingStream : Stream
{
    private readonly Stream _file;
    private readonly string _path;
    private readonly XxHash128 _hash = new();
    private readonly long _length;
    private long _position;

    /// <summary>Wraps an open file, which this stream disposes. Errors name the path.</summary>
    public BuildContextHashingStream(Stream file, string path)
    {
        _file = file;
        _path = path;
        _length = file.Length;
    }

    public override bool CanRead => true;

    public override bool CanSeek => true;

    public override bool CanWrite => false;

    public override long Length => _length;

    public override long Position
    {
        get => _position;
        set => throw new NotSupportedException();
    }

    /// <summary>Returns the 128-bit XXH3 digest of the bytes read so far.</summary>
    public byte[] GetDigest() => _hash.GetCurrentHash();

    public override int Read(byte[] buffer, int offset, int count) =>
        Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        int requested = (int)Math.Min(buffer.Length, _length - _position);
        if (requested == 0)
        {
            return 0;
        }

        int read = _file.Read(buffer[..requested]);
        if (read == 0)
        {
            throw new IOException(
                $"{_path} became shorter while it was read ({_position} of {_length} bytes)");
        }

        _hash.Append(buffer[..read]);
        _position += read;
        return read;
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) =>
        throw new NotSupportedException();

    public override void Flush()
    {
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _file.Dispose();
        }

        base.Dispose(disposing);
    }
}
