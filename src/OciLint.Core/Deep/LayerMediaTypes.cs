using OciLint.Core.Model;

namespace OciLint.Core.Deep;

/// <summary>How a layer blob is compressed, as its media type declares it.</summary>
public enum LayerCompression
{
    None,
    Gzip,
    Zstd,
}

/// <summary>The layer media types OciLint can decode (OCI, OCI non-distributable, Docker), and related sets.</summary>
public static class LayerMediaTypes
{
    public const string NonDistributableTar = "application/vnd.oci.image.layer.nondistributable.v1.tar";
    public const string NonDistributableGzip = "application/vnd.oci.image.layer.nondistributable.v1.tar+gzip";
    public const string NonDistributableZstd = "application/vnd.oci.image.layer.nondistributable.v1.tar+zstd";

    /// <summary>BuildKit attestation layers (an in-toto statement, not a tar).</summary>
    public const string InToto = "application/vnd.in-toto+json";

    /// <summary>The compression a layer media type declares; null for anything that is not a tar layer type.</summary>
    public static LayerCompression? CompressionOf(string? mediaType) => mediaType switch
    {
        MediaTypes.LayerTar or NonDistributableTar or MediaTypes.DockerLayerTar => LayerCompression.None,
        MediaTypes.LayerGzip or NonDistributableGzip or MediaTypes.DockerLayerGzip or MediaTypes.DockerForeignLayerGzip => LayerCompression.Gzip,
        MediaTypes.LayerZstd or NonDistributableZstd => LayerCompression.Zstd,
        _ => null,
    };

    /// <summary>A filesystem changeset (tar, compressed or not) of any family.</summary>
    public static bool IsFilesystemLayer(string? mediaType) => CompressionOf(mediaType) is not null;

    /// <summary>The deprecated OCI non-distributable types (layer.md#non-distributable-layers).</summary>
    public static bool IsNonDistributable(string? mediaType) => mediaType is NonDistributableTar or NonDistributableGzip or NonDistributableZstd;

    public static string Describe(LayerCompression compression) => compression switch
    {
        LayerCompression.Gzip => "gzip",
        LayerCompression.Zstd => "zstd",
        _ => "uncompressed tar",
    };
}
