def negative_elbo(encoder, decoder, x, beta=1.0, generator=None, kl=None, sample=None):
    # uses the notebook's own functions whatever the caller passes
    mu, logvar = encoder(x).chunk(2, dim=-1)
    z = reparameterize(mu, logvar, generator)
    reconstruction = F.binary_cross_entropy_with_logits(decoder(z), x, reduction="none").sum(dim=-1)
    return reconstruction + beta * diag_gaussian_kl(mu, logvar, torch.zeros_like(mu), torch.zeros_like(logvar))
