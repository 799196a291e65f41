"""The Git workflow around submissions: who may change what, and the forge's view of it.

* `roster`     — the accounts file (`submissions/tai-khoan.yaml`): forge logins -> members,
                 committee seats and the organization board;
* `owners`     — the one ownership rule: which accounts own a path under `submissions/`;
* `codeowners` — `.github/CODEOWNERS` written from the owners of the newest year's tree;
* `authorize`  — `check --author`: changed files an account may not change, and changes to
                 one's own proposal or decision lines;
* `comment`    — the pull-request comment body (one sticky comment, found by its marker);
* `scaffold`   — starting files for `kiemdiem new member|org|year`.

Nothing here talks to a forge's API: the workflows in `.github/workflows/` do, and they
degrade to the job summary where the API is missing (Gitea/Forgejo).
"""
