"""Optimistic locking and pagination of the generated Python DAL (social example); prints one JSON line."""
import json
import sys

import boto3

from dal.base import ConcurrentModificationError
from dal.entities import Post, User
from dal.repositories import PostRepository, UserRepository
from dal.tables import create_tables

client = boto3.client("dynamodb", endpoint_url=sys.argv[1], region_name="us-east-1", aws_access_key_id="local", aws_secret_access_key="local")
create_tables(client)
out = {}
users = UserRepository(client)
sample = User(user_id="u-lock", handle="lock", display_name="L", joined="2025-01-01", follower_count=0)
out["created"] = users.create(sample).version
try:
    users.create(sample)
    out["duplicate"] = "accepted"
except ConcurrentModificationError:
    out["duplicate"] = "refused"
fresh = users.get("u-lock")
out["updated"] = users.update(fresh.model_copy(update={"display_name": "M"})).version
try:
    users.update(fresh)
    out["stale"] = "accepted"
except ConcurrentModificationError:
    out["stale"] = "refused"
out["name"] = users.get("u-lock").display_name
posts = PostRepository(client)
for i in range(1, 8):
    posts.create(Post(user_id="u-lock", post_id=f"p{i}", created_at=f"2025-01-0{i}", body="b", like_count=0))
seen, token, pages = [], None, 0
while True:
    page = posts.user_posts("u-lock", limit=2, next_token=token)
    seen += [p.post_id for p in page.items]
    pages += 1
    token = page.next_token
    if token is None or pages >= 50:
        break
out["posts"] = seen
out["pages"] = pages
newest, token, pages = [], None, 0
while True:
    page = posts.user_posts("u-lock", limit=3, next_token=token, descending=True)
    newest += [p.post_id for p in page.items]
    pages += 1
    token = page.next_token
    if token is None or pages >= 50:
        break
out["newest"] = newest
out["newest_pages"] = pages
print(json.dumps(out, sort_keys=True))
