using System.IO.Hashing;
using Iso.Images;
using Xunit;

namespace Iso.Tests.Images;

public sealed class BuildContextHashingStreamTests
{
    [Fact]
    public void Digest_is_the_xxh128_of_the_bytes_read()
    {
        byte[] content = new byte[200_000];
        new Random(42).NextBytes(content);
        using var stream = new BuildContextHashingStream(new MemoryStream(content), "data.bin");

        using var copy = new MemoryStream();
        stream.CopyTo(copy);

        Assert.Equal(content, copy.ToArray());
        Assert.Equal(XxHash128.Hash(content), stream.GetDigest());
    }

    [Fact]
    public void Stream_reports_a_seekable_length_for_TarWriter()
    {
        using var stream = new BuildContextHashingStream(new MemoryStream(new byte[42]), "x");

        Assert.True(stream.CanSeek);
        Assert.Equal(42, stream.Length);
        Assert.Equal(0, stream.Position);
    }

    [Fact]
    public void Growing_file_is_cut_at_length()
    {
        var file = new ChangingLengthStream(reportedLength: 5, content: "0123456789"u8.ToArray());
        using var stream = new BuildContextHashingStream(file, "growing.txt");

        using var copy = new MemoryStream();
        stream.CopyTo(copy);

        Assert.Equal("01234"u8.ToArray(), copy.ToArray());
        Assert.Equal(XxHash128.Hash("01234"u8), stream.GetDigest());
    }

    [Fact]
    public void Shrinking_file_raises_IOException()
    {
        var file = new ChangingLengthStream(reportedLength: 10, content: "01234"u8.ToArray());
        using var stream = new BuildContextHashingStream(file, "shrinking.txt");

        var error = Assert.Throws<IOException>(() => stream.CopyTo(Stream.Null));

        Assert.Contains("shrinking.txt", error.Message);
        Assert.Contains("5 of 10 bytes", error.Message);
    }

    /// <summary>A stream whose reported length differs from the bytes it returns.</summary>
    private sealed class ChangingLengthStream(long reportedLength, byte[] content)
        : MemoryStream(content)
    {
        public override long Length => reportedLength;
    }
}
