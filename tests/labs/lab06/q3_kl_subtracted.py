def negative_elbo(encoder, decoder, x, beta=1.0, generator=None, kl=None, sample=None):
    kl = diag_gaussian_kl if kl is None else kl
    sample = reparameterize if sample is None else sample
    mu, logvar = encoder(x).chunk(2, dim=-1)
    z = sample(mu, logvar, generator)
    reconstruction = F.binary_cross_entropy_with_logits(decoder(z), x, reduction="none").sum(dim=-1)
    # the ELBO's minus sign carried onto the KL term as well
    return reconstruction - beta * kl(mu, logvar, torch.zeros_like(mu), torch.zeros_like(logvar))
