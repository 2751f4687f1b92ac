// The floor of a view's create + close: mmap + munmap of a 1 MiB window of a page-cached file, and the same with
// the flush a writable view's close does (msync MS_SYNC of the clean window + fsync), and with one dirty page.
// Usage: view_mmap [iterations] [file]. Modelled on ../shared/limits/faults.c.
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <fcntl.h>
#include <sys/mman.h>
#include <unistd.h>
#include <time.h>
static double now(void){struct timespec t;clock_gettime(CLOCK_MONOTONIC,&t);return t.tv_sec+t.tv_nsec*1e-9;}
int main(int argc,char**argv){
  int n=argc>1?atoi(argv[1]):20000; const char*path=argc>2?argv[2]:"/tmp/mmf4j-view-floor.bin";
  size_t view=1<<20, sz=64ul<<20;
  int fd=open(path,O_RDWR|O_CREAT|O_TRUNC,0600); if(fd<0||ftruncate(fd,sz)){perror(path);return 1;}
  char*all=mmap(0,sz,PROT_READ|PROT_WRITE,MAP_SHARED,fd,0); for(size_t i=0;i<sz;i+=4096)all[i]=1;
  msync(all,sz,MS_SYNC); fsync(fd); munmap(all,sz);
  double t=now();
  for(int i=0;i<n;i++){char*q=mmap(0,view,PROT_READ,MAP_SHARED,fd,(off_t)(i%64)*view);munmap(q,view);}
  printf("mmap+munmap 1MiB read view ns %.0f\n",(now()-t)*1e9/n);
  t=now();
  for(int i=0;i<n;i++){char*q=mmap(0,view,PROT_READ|PROT_WRITE,MAP_SHARED,fd,(off_t)(i%64)*view);munmap(q,view);}
  printf("mmap+munmap 1MiB writable view ns %.0f\n",(now()-t)*1e9/n);
  t=now();
  for(int i=0;i<n;i++){char*q=mmap(0,view,PROT_READ|PROT_WRITE,MAP_SHARED,fd,(off_t)(i%64)*view);msync(q,view,MS_SYNC);munmap(q,view);}
  printf("mmap+msync+munmap 1MiB clean view ns %.0f\n",(now()-t)*1e9/n);
  t=now();
  for(int i=0;i<n;i++){char*q=mmap(0,view,PROT_READ|PROT_WRITE,MAP_SHARED,fd,(off_t)(i%64)*view);msync(q,view,MS_SYNC);fsync(fd);munmap(q,view);}
  printf("mmap+msync+fsync+munmap 1MiB clean view ns %.0f\n",(now()-t)*1e9/n);
  int d=n/100>20?n/100:20; t=now();
  for(int i=0;i<d;i++){char*q=mmap(0,view,PROT_READ|PROT_WRITE,MAP_SHARED,fd,(off_t)(i%64)*view);q[0]=(char)i;msync(q,view,MS_SYNC);fsync(fd);munmap(q,view);}
  printf("mmap+write+msync+fsync+munmap 1MiB view ns %.0f\n",(now()-t)*1e9/d);
  close(fd); unlink(path); return 0;
}
