using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;

namespace MessagingProvider.TestSupport.Browser;

/// <summary>
/// Reads a PNG as browsers write screenshots (8-bit RGB or RGBA, not interlaced) far enough to
/// tell its size and how many colours it holds: a blank or single-colour page is caught.
/// </summary>
public sealed class PngImage
{
    private PngImage(int width, int height, byte[] pixels, int bytesPerPixel)
    {
        Width = width;
        Height = height;
        _pixels = pixels;
        _bytesPerPixel = bytesPerPixel;
    }

    private readonly byte[] _pixels;
    private readonly int _bytesPerPixel;

    public int Width { get; }
    public int Height { get; }

    public static PngImage Load(string path)
    {
        using var file = new BinaryReader(File.OpenRead(path));
        byte[] signature = file.ReadBytes(8);
        if (signature.Length != 8 || signature[1] != 'P' || signature[2] != 'N' || signature[3] != 'G') throw new InvalidDataException($"{path} is not a PNG.");
        int width = 0, height = 0, bytesPerPixel = 0;
        using var idat = new MemoryStream();
        while (true)
        {
            int length = BigEndian(file.ReadBytes(4));
            string type = System.Text.Encoding.ASCII.GetString(file.ReadBytes(4));
            byte[] data = file.ReadBytes(length);
            file.ReadBytes(4); // CRC
            if (type == "IHDR")
            {
                width = BigEndian(data, 0);
                height = BigEndian(data, 4);
                if (data[8] != 8 || data[12] != 0) throw new InvalidDataException($"{path}: only 8-bit, non-interlaced PNGs are read (bit depth {data[8]}, interlace {data[12]}).");
                bytesPerPixel = data[9] switch { 2 => 3, 6 => 4, 0 => 1, 4 => 2, _ => throw new InvalidDataException($"{path}: colour type {data[9]} is not read.") };
            }
            else if (type == "IDAT") idat.Write(data, 0, data.Length);
            else if (type == "IEND") break;
        }

        idat.Position = 0;
        using var inflated = new MemoryStream();
        using (var zlib = new ZLibStream(idat, CompressionMode.Decompress)) zlib.CopyTo(inflated);
        return new PngImage(width, height, Unfilter(inflated.ToArray(), width, height, bytesPerPixel), bytesPerPixel);
    }

    /// <summary>Distinct pixel values, counted up to <paramref name="limit"/>.</summary>
    public int CountColours(int limit = 1000)
    {
        var seen = new HashSet<int>();
        for (int i = 0; i + _bytesPerPixel <= _pixels.Length && seen.Count < limit; i += _bytesPerPixel)
        {
            int value = 0;
            for (int b = 0; b < Math.Min(3, _bytesPerPixel); b++) value = (value << 8) | _pixels[i + b];
            seen.Add(value);
        }

        return seen.Count;
    }

    private static byte[] Unfilter(byte[] data, int width, int height, int bpp)
    {
        int stride = width * bpp;
        var result = new byte[stride * height];
        for (int y = 0; y < height; y++)
        {
            int filter = data[y * (stride + 1)];
            int source = y * (stride + 1) + 1;
            int row = y * stride;
            for (int x = 0; x < stride; x++)
            {
                int a = x >= bpp ? result[row + x - bpp] : 0;
                int b = y > 0 ? result[row - stride + x] : 0;
                int c = x >= bpp && y > 0 ? result[row - stride + x - bpp] : 0;
                int raw = data[source + x];
                result[row + x] = (byte)(filter switch
                {
                    0 => raw,
                    1 => raw + a,
                    2 => raw + b,
                    3 => raw + ((a + b) >> 1),
                    4 => raw + Paeth(a, b, c),
                    _ => throw new InvalidDataException($"PNG filter {filter} on row {y}."),
                });
            }
        }

        return result;
    }

    private static int Paeth(int a, int b, int c)
    {
        int p = a + b - c, pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }

    private static int BigEndian(byte[] bytes, int offset = 0) => (bytes[offset] << 24) | (bytes[offset + 1] << 16) | (bytes[offset + 2] << 8) | bytes[offset + 3];
}
