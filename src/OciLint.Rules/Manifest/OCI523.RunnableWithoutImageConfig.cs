using OciLint.Core.Deep;
using OciLint.Rules.Support;

namespace OciLint.Rules.Manifest;

/// <summary>manifest.md: if the manifest "will be "runnable" by a runtime of some kind, it is strongly recommended to ensure it includes enough data to be unique (such as the rootfs and diff_ids …)".</summary>
public sealed class RunnableWithoutImageConfig : Rule
{
    public override RuleMetadata Metadata { get; } = new("OCI523", "manifest/runnable-without-image-config", "Filesystem layers without an image config (no rootfs/diff_ids)", Note, None)
    {
        Description = "The manifest carries filesystem layers (tar, tar+gzip, tar+zstd) but its config is the empty descriptor or an artifact type, so there are no rootfs.diff_ids: if anything runs it, it has no unique ImageID and no DiffIDs to verify unpacked layers against.",
        Precision = "medium",
    };

    public override void CheckDocument(JsonDocumentModel document, RuleContext context)
    {
        if (document.Kind != DocumentKind.Manifest
            || ManifestFacts.Config(document) is not { MediaType: { } configType } config
            || ManifestFacts.IsImageConfig(configType)
            || !ManifestFacts.Layers(document).Any(l => LayerMediaTypes.IsFilesystemLayer(l.MediaType)))
        {
            return;
        }

        context.Report(
            document,
            config.Node.Get("mediaType"),
            $"the layers are filesystem changesets but the config is \"{configType}\", which has no rootfs.diff_ids: if this is meant to run, use {MediaTypes.ImageConfig} so it has a unique ImageID and DiffIDs to verify the unpacked layers against; if it is an artifact, ignore this note");
    }
}
