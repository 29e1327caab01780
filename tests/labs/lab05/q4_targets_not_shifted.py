# Wrong answer for q4: Question 3's unshifted loss carried into training: the model is taught to name the character it is
# shown (its own training loss falls to almost nothing), and learns nothing about the next one.
class CharLSTM(nn.Module):
    def __init__(self, vocab=V, emb=32, hidden=128):
        super().__init__()
        self.embed = nn.Embedding(vocab, emb)
        self.lstm = nn.LSTM(emb, hidden, batch_first=True)
        self.head = nn.Linear(hidden, vocab)

    def forward(self, x):
        h, _ = self.lstm(self.embed(x))
        return self.head(h)


def train_char_model(train_ids, seed=0):
    """Build and train a character model on train_ids (a 1-D uint8 array of ids); return the trained nn.Module."""
    torch.manual_seed(seed)
    rng = np.random.default_rng(seed)
    model = CharLSTM()
    steps, lr = 200, 0.04
    opt = torch.optim.Adam(model.parameters(), lr=lr)
    schedule = torch.optim.lr_scheduler.OneCycleLR(opt, max_lr=lr, total_steps=steps, pct_start=0.1)
    for step in range(steps):
        x, _ = random_windows(train_ids, batch_size=16, seq_len=64, rng=rng)
        x = torch.from_numpy(x)
        loss = F.cross_entropy(model(x).reshape(-1, V), x.reshape(-1))
        opt.zero_grad()
        loss.backward()
        nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        opt.step()
        schedule.step()
    return model.eval()
