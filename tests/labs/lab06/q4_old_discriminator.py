def gan_step(G, D, opt_G, opt_D, real, z):
    fake = G(z)
    logits_real, logits_fake = D(real), D(fake.detach())
    loss_D = (F.binary_cross_entropy_with_logits(logits_real, torch.ones_like(logits_real))
              + F.binary_cross_entropy_with_logits(logits_fake, torch.zeros_like(logits_fake)))
    logits = D(fake)                                     # computed before D's update
    loss_G = F.binary_cross_entropy_with_logits(logits, torch.ones_like(logits))
    opt_D.zero_grad()
    loss_D.backward()
    opt_D.step()
    opt_G.zero_grad()
    loss_G.backward()
    opt_G.step()
    return loss_D.item(), loss_G.item()
