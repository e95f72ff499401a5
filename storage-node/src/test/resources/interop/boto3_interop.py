"""boto3 against the storage node: checksums, multipart, attributes, clean-up paths, presigned URLs.

Run by Boto3InteropIT with S3_ENDPOINT, S3_ACCESS_KEY, S3_SECRET_KEY; prints one line per check and
exits non-zero on the first failure.
"""
import base64
import hashlib
import os
import sys
import urllib.error
import urllib.request
import zlib

import boto3
from botocore.config import Config

s3 = boto3.client(
    "s3",
    endpoint_url=os.environ["S3_ENDPOINT"],
    aws_access_key_id=os.environ["S3_ACCESS_KEY"],
    aws_secret_access_key=os.environ["S3_SECRET_KEY"],
    region_name="us-east-1",
    config=Config(s3={"addressing_style": "path"}, signature_version="s3v4"),
)
bucket = "boto3-interop"


def check(name, condition, detail=""):
    print(("ok   " if condition else "FAIL ") + name + (" " + str(detail) if detail else ""))
    if not condition:
        sys.exit(1)


def b64(raw):
    return base64.b64encode(raw).decode()


s3.create_bucket(Bucket=bucket)
body = os.urandom(300_000)
crc32 = b64(zlib.crc32(body).to_bytes(4, "big"))
sha256 = b64(hashlib.sha256(body).digest())

put = s3.put_object(Bucket=bucket, Key="crc", Body=body, ChecksumAlgorithm="CRC32")
check("put returns CRC32", put.get("ChecksumCRC32") == crc32, put.get("ChecksumCRC32"))
head = s3.head_object(Bucket=bucket, Key="crc", ChecksumMode="ENABLED")
check("head returns CRC32", head.get("ChecksumCRC32") == crc32)
got = s3.get_object(Bucket=bucket, Key="crc", ChecksumMode="ENABLED")
check("get validates and returns the bytes", got["Body"].read() == body)
s3.put_object(Bucket=bucket, Key="sha", Body=body, ChecksumAlgorithm="SHA256")
head = s3.head_object(Bucket=bucket, Key="sha", ChecksumMode="ENABLED")
check("head returns SHA256", head.get("ChecksumSHA256") == sha256)

# multipart with a composite SHA-256 and GetObjectAttributes
parts = [os.urandom(5 * 1024 * 1024), os.urandom(1000)]
mpu = s3.create_multipart_upload(Bucket=bucket, Key="mp", ChecksumAlgorithm="SHA256")
done = []
for n, data in enumerate(parts, 1):
    r = s3.upload_part(
        Bucket=bucket, Key="mp", UploadId=mpu["UploadId"], PartNumber=n, Body=data,
        ChecksumAlgorithm="SHA256")
    check("part %d checksum" % n, r["ChecksumSHA256"] == b64(hashlib.sha256(data).digest()))
    done.append({"PartNumber": n, "ETag": r["ETag"], "ChecksumSHA256": r["ChecksumSHA256"]})
s3.complete_multipart_upload(
    Bucket=bucket, Key="mp", UploadId=mpu["UploadId"], MultipartUpload={"Parts": done})
composite = b64(hashlib.sha256(b"".join(
    hashlib.sha256(p).digest() for p in parts)).digest()) + "-2"
head = s3.head_object(Bucket=bucket, Key="mp", ChecksumMode="ENABLED")
check("composite checksum", head.get("ChecksumSHA256") == composite, head.get("ChecksumSHA256"))
attrs = s3.get_object_attributes(
    Bucket=bucket, Key="mp", ObjectAttributes=["ETag", "Checksum", "ObjectParts", "ObjectSize"])
check("attributes size", attrs["ObjectSize"] == sum(len(p) for p in parts))
check("attributes parts", attrs["ObjectParts"]["TotalPartsCount"] == 2, attrs.get("ObjectParts"))
part2 = s3.get_object(Bucket=bucket, Key="mp", PartNumber=2)
check("partNumber GET", part2["Body"].read() == parts[1] and part2["PartsCount"] == 2)

# whitespace keys through multi-object delete; listing with FetchOwner
keys = [" ", " lead", "trail "]
for k in keys:
    s3.put_object(Bucket=bucket, Key=k, Body=b"w")
listed = s3.list_objects_v2(Bucket=bucket, FetchOwner=True)
check("whitespace keys listed", all(k in [o["Key"] for o in listed["Contents"]] for k in keys))
check("owner fetched", all("Owner" in o for o in listed["Contents"]))
deleted = s3.delete_objects(Bucket=bucket, Delete={"Objects": [{"Key": k} for k in keys]})
check("whitespace keys deleted", sorted(d["Key"] for d in deleted["Deleted"]) == sorted(keys))

# presigned URL (SigV4 query)
url = s3.generate_presigned_url("get_object", Params={"Bucket": bucket, "Key": "crc"}, ExpiresIn=300)
check("presigned GET", urllib.request.urlopen(url).read() == body)

# browser POST upload with a policy document signed by boto3
def form_post(url, fields, filename, content):
    boundary = "----tangthu" + os.urandom(8).hex()
    parts = []
    for k, v in fields.items():
        parts.append(("--%s\r\nContent-Disposition: form-data; name=\"%s\"\r\n\r\n%s\r\n"
                      % (boundary, k, v)).encode())
    parts.append(("--%s\r\nContent-Disposition: form-data; name=\"file\"; filename=\"%s\"\r\n"
                  "Content-Type: text/plain\r\n\r\n" % (boundary, filename)).encode())
    parts.append(content + ("\r\n--%s--\r\n" % boundary).encode())
    request = urllib.request.Request(
        url, data=b"".join(parts), method="POST",
        headers={"Content-Type": "multipart/form-data; boundary=" + boundary})
    try:
        with urllib.request.urlopen(request) as r:
            return r.status, r.read().decode()
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode()


post = s3.generate_presigned_post(
    bucket, "forms/${filename}",
    Fields={"Content-Type": "text/plain", "success_action_status": "201"},
    Conditions=[{"Content-Type": "text/plain"}, {"success_action_status": "201"},
                ["content-length-range", 1, 1000]],
    ExpiresIn=300)
status, text = form_post(post["url"], post["fields"], "note.txt", b"from a browser form")
check("POST upload created", status == 201 and "<Key>forms/note.txt</Key>" in text, (status, text))
got = s3.get_object(Bucket=bucket, Key="forms/note.txt")
check("POST upload stored", got["Body"].read() == b"from a browser form"
      and got["ContentType"] == "text/plain")
status, text = form_post(post["url"], post["fields"], "big.txt", b"x" * 2000)
check("POST upload over content-length-range refused", status == 400 and "EntityTooLarge" in text,
      (status, text))
tampered = dict(post["fields"], **{"Content-Type": "text/html"})
status, text = form_post(post["url"], tampered, "evil.html", b"<script>")
check("POST upload violating the policy refused", status == 403, (status, text))
s3.delete_object(Bucket=bucket, Key="forms/note.txt")

# clean-up: a bucket with only an in-progress upload can be deleted
for k in ["crc", "sha", "mp"]:
    s3.delete_object(Bucket=bucket, Key=k)
s3.create_multipart_upload(Bucket=bucket, Key="pending")
s3.delete_bucket(Bucket=bucket)
check("bucket with a pending upload deleted",
      bucket not in [b["Name"] for b in s3.list_buckets()["Buckets"]])
print("ALL OK")
